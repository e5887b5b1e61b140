using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Reintegration.Domain.Cases;

namespace Reintegration.Storage.Cases;

/// <summary>
/// How cases are written down: snapshots, events and effects as JSON. The domain carries no JSON attributes, so the
/// closed record hierarchies get their "$type" discriminators here, from their nested type names (stable names are
/// part of the stored format: rename an event only with an upcaster).
/// </summary>
public static class CaseJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is empty.");

    private static JsonSerializerOptions Create()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(AddClosedHierarchies);
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void AddClosedHierarchies(JsonTypeInfo info)
    {
        if (info.Type != typeof(CaseEvent) && info.Type != typeof(CaseEffect) && info.Type != typeof(CaseCommand))
        {
            return;
        }

        var polymorphism = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var nested in info.Type.GetNestedTypes().Where(t => t.IsSubclassOf(info.Type)))
        {
            polymorphism.DerivedTypes.Add(new JsonDerivedType(nested, nested.Name));
        }

        info.PolymorphismOptions = polymorphism;
    }
}
