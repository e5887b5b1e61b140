using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Reintegration.Storage.Queues;

/// <summary>
/// The Queue service's XML: a <c>QueueMessage</c> body to put, and <c>QueueMessagesList</c> answers. Message text
/// travels as base64 of its UTF-8 bytes (as the Functions queue trigger expects).
/// </summary>
internal static class QueueMessageXml
{
    public static byte[] PutBody(string messageText) =>
        Encoding.UTF8.GetBytes(new XElement("QueueMessage", new XElement("MessageText", Encode(messageText))).ToString(SaveOptions.DisableFormatting));

    public static IEnumerable<XElement> Messages(string xml) =>
        XDocument.Parse(xml).Root?.Elements("QueueMessage") ?? [];

    public static SendReceipt ToSendReceipt(XElement message) => new(
        Text(message, "MessageId"),
        Text(message, "PopReceipt"),
        Date(message, "InsertionTime"),
        Date(message, "ExpirationTime"),
        Date(message, "TimeNextVisible"));

    public static QueueMessage ToQueueMessage(XElement message) => new(
        Text(message, "MessageId"),
        Text(message, "PopReceipt"),
        DequeueCount(message),
        Decode(Text(message, "MessageText")),
        Date(message, "InsertionTime"),
        Date(message, "ExpirationTime"),
        Date(message, "TimeNextVisible"));

    public static PeekedMessage ToPeekedMessage(XElement message) =>
        new(Text(message, "MessageId"), DequeueCount(message), Decode(Text(message, "MessageText")));

    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>Base64 UTF-8 as this client writes it; text that is not base64 (written by another tool) as it is.</summary>
    public static string Decode(string encoded)
    {
        var bytes = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, bytes, out var length)
            ? Encoding.UTF8.GetString(bytes, 0, length)
            : encoded;
    }

    public static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private static string Text(XElement message, string name) => message.Element(name)?.Value ?? string.Empty;

    private static DateTimeOffset? Date(XElement message, string name) => ParseDate(message.Element(name)?.Value);

    private static long DequeueCount(XElement message) =>
        long.TryParse(message.Element("DequeueCount")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
}
