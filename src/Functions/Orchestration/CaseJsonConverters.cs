using System.Text.Json;
using Reintegration.Storage.Cases;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// The task hub's payloads (generations, messages, custom status) in the same JSON as stored cases, on both sides:
/// the SDK's converter in the orchestrator and activities, DurableTask.Core's in the local client.
/// </summary>
public static class CaseJsonConverters
{
    public static Microsoft.DurableTask.DataConverter Sdk { get; } = new Microsoft.DurableTask.Converters.JsonDataConverter(CaseJson.Options);

    public static DurableTask.Core.Serializing.DataConverter Core { get; } = new CoreConverter();

    private sealed class CoreConverter : DurableTask.Core.Serializing.DataConverter
    {
        public override string Serialize(object value) => JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), CaseJson.Options);

        public override string Serialize(object value, bool formatted) => Serialize(value);

        public override object Deserialize(string data, Type objectType) =>
            data is null ? null! : JsonSerializer.Deserialize(data, objectType, CaseJson.Options)!;
    }
}
