namespace Reintegration.Functions.Links;

/// <summary>
/// Configuration of e-mail links (section <c>Links</c>). Keys are base64 and at least 32 bytes. To rotate: move the
/// current key to <see cref="PreviousKeyId"/>/<see cref="PreviousKey"/>, then set a new current one; links already sent
/// keep working until they expire, new links use the new key.
/// </summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    /// <summary>The public address the app is reached at; links lead to <c>{BaseUrl}/links/{token}</c>.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    public string KeyId { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string? PreviousKeyId { get; set; }

    public string? PreviousKey { get; set; }
}
