using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reintegration.Domain.Tests.Support;

/// <summary>Structural comparison of domain records (their lists compare by reference otherwise).</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Of(object? value) => JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Options);

    public static void ShouldMatch(this object? actual, object? expected) => Of(actual).ShouldBe(Of(expected));
}
