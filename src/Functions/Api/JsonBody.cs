using System.Text.Json;

namespace Reintegration.Functions.Api;

/// <summary>Reads a request body as JSON, strictly: content type, size and depth are checked before anything else.</summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;
    private const int MaxDepth = 16;

    /// <summary>Returns the raw bytes, or a Problem Details result to answer with.</summary>
    public static async Task<(byte[]? Bytes, IResult? Problem)> ReadBytesAsync(HttpRequest request, int maxBytes = MaxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Of("unsupported-media-type", "Send JSON.", "The body must be application/json.", StatusCodes.Status415UnsupportedMediaType, "Content-Type"));
        }

        var (bytes, problem) = await ReadBytesAsync(request);
        return problem is not null ? (null, problem) : Parse(bytes!);
    }

    public static (JsonDocument? Document, IResult? Problem) Parse(byte[] bytes)
    {
        try
        {
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, Problems.Invalid([new FieldProblem("$", "must be a JSON object")], "malformed-json"));
            }

            if (JsonText.FirstNotText(document.RootElement) is { } notText)
            {
                document.Dispose();
                return (null, Problems.Invalid([new FieldProblem(notText, "is not valid Unicode text (a lone surrogate)")], "malformed-json"));
            }

            return (document, null);
        }
        catch (JsonException ex)
        {
            // The parser's message names the position, never the content.
            return (null, Problems.Invalid([new FieldProblem("$", $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})")], "malformed-json"));
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        Problems.Of("body-too-large", "The body is too large.", $"The body may hold at most {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
}
