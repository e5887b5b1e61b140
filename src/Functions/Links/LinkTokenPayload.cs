using System.Text.Json;
using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Links;

/// <summary>The signed part of a link token: compact JSON with a fixed set of properties.</summary>
internal static class LinkTokenPayload
{
    private const int Version = 1;

    public static byte[] Write(LinkClaims claims, string keyId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("kid", keyId);
            json.WriteString("case", claims.CaseId);
            json.WriteString("act", claims.Action.ToString());
            json.WriteNumber("round", claims.Round);
            json.WriteNumber("exp", claims.ExpiresAt.ToUnixTimeSeconds());
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static (LinkClaims Claims, string KeyId)? Read(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 6
                || !root.TryGetProperty("v", out var version) || !version.TryGetInt32(out var v) || v != Version
                || !TryString(root, "kid", out var keyId)
                || !TryString(root, "case", out var caseId)
                || !TryString(root, "act", out var act) || !TryAction(act, out var action)
                || !root.TryGetProperty("round", out var roundValue) || !roundValue.TryGetInt32(out var round) || round < 0
                || !root.TryGetProperty("exp", out var expValue) || !expValue.TryGetInt64(out var exp)
                || exp < DateTimeOffset.MinValue.ToUnixTimeSeconds() || exp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return null;
            }

            return (new LinkClaims(caseId, action, round, DateTimeOffset.FromUnixTimeSeconds(exp)), keyId);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryString(JsonElement root, string name, out string value)
    {
        value = root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString()! : string.Empty;
        return value.Length > 0;
    }

    private static bool TryAction(string text, out LinkAction action) =>
        Enum.TryParse(text, ignoreCase: false, out action) && Enum.IsDefined(action) && action.ToString() == text;
}
