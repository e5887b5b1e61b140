using Microsoft.AspNetCore.Antiforgery;

namespace Reintegration.Functions.Pages;

/// <summary>
/// Reading a posted form without a 500: a form the form reader refuses (multipart with no boundary, more than 1,024
/// fields, a part too long, a body cut short) is a bad request, and so is one whose antiforgery token cannot be read
/// from it. ASP.NET Core's antiforgery check reads the form itself and throws when it cannot; its form reader throws
/// <see cref="InvalidDataException"/>; a body over the request's size limit throws <see cref="BadHttpRequestException"/>.
/// </summary>
public static class FormRequests
{
    /// <summary>The antiforgery check; false, not an exception, when the form cannot be read.</summary>
    public static async Task<bool> AntiforgeryValidAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        }
        catch (Exception ex) when (ex is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException or IOException)
        {
            return false;
        }
    }

    /// <summary>The posted form, or null when it cannot be read.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }
}
