using System.Text;

namespace Reintegration.Functions.Intake;

/// <summary>Checks a Kobo REST Service post against the configured Basic credentials and/or secret header.</summary>
internal static class KoboAuthentication
{
    public static AuthenticationResult Check(IHeaderDictionary headers, KoboAuthenticationOptions options)
    {
        if (!options.UsesBasic && !options.UsesHeader)
        {
            return AuthenticationResult.Invalid("No Kobo authentication is configured, so nothing is accepted.");
        }

        if (options.UsesHeader)
        {
            var presented = string.IsNullOrEmpty(options.HeaderName) ? null : SenderHeaders.Single(headers, options.HeaderName);
            if (presented is null)
            {
                return AuthenticationResult.Missing($"The header {options.HeaderName} is missing.");
            }

            if (!SenderHeaders.SameSecret(presented, options.HeaderValue ?? string.Empty))
            {
                return AuthenticationResult.Invalid($"The header {options.HeaderName} does not hold the configured secret.");
            }
        }

        if (options.UsesBasic)
        {
            var authorization = SenderHeaders.Single(headers, "Authorization");
            if (authorization is null)
            {
                return AuthenticationResult.Missing("The Authorization header is missing.");
            }

            if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || Decode(authorization[6..].Trim()) is not { } credentials)
            {
                return AuthenticationResult.Invalid("The Authorization header must be Basic credentials.");
            }

            if (!SenderHeaders.SameSecret(credentials, $"{options.Username}:{options.Password}"))
            {
                return AuthenticationResult.Invalid("The Basic credentials do not match.");
            }
        }

        return AuthenticationResult.Valid(options.UsesBasic && options.UsesHeader ? "Basic credentials and secret header match." : options.UsesBasic ? "Basic credentials match." : "Secret header matches.");
    }

    private static string? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
