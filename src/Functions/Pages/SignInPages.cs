using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Security;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>
/// Sign-in for people: paste the API key once; the identity it stands for is kept in an HttpOnly, SameSite=Strict
/// cookie (always Secure and <c>__Host-</c> outside Development) for 8 hours, re-checked against its key on every
/// request. Every page form carries an antiforgery token.
/// </summary>
public static class SignInPages
{
    public const string Scheme = "Pages";
    public const string Policy = "SignedInPerson";

    public static IServiceCollection AddPageSignIn(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = "/sign-in";
            o.AccessDeniedPath = "/sign-in";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            o.Events.OnValidatePrincipal = StillValidAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IHostEnvironment>((o, environment) =>
            Harden(o.Cookie, "reintegration.session", environment));
        services.AddAntiforgery(o =>
        {
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__csrf";
        });
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment>((o, environment) =>
            Harden(o.Cookie, "reintegration.csrf", environment));
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>
    /// Outside Development the cookies are always Secure, whatever scheme the request arrived with (TLS ends at the
    /// front end), and carry the <c>__Host-</c> prefix: Secure, path /, no domain, so no other site can set them.
    /// Development over plain http keeps the plain names, which browsers refuse to prefix there.
    /// </summary>
    private static void Harden(CookieBuilder cookie, string name, IHostEnvironment environment)
    {
        var development = environment.IsDevelopment();
        cookie.Name = development ? name : "__Host-" + name;
        cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.Path = "/";
        cookie.Domain = null;
    }

    public const string KeyVersionClaim = "key_version";

    /// <summary>Each request re-checks the session's key: removed, replaced or moved to another role ends it.</summary>
    private static async Task StillValidAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal!;
        var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyRegistry>();
        var version = user.FindFirstValue(KeyVersionClaim);
        if (!keys.StillHolds(Caller.IdOf(user), version, user.FindFirstValue(ClaimTypes.Role), Caller.PartnerOf(user)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    /// <summary>
    /// Outside Development the pages' cookies are Secure only: a page request that is not https (TLS ended at a proxy
    /// the app does not trust, or none) gets a 400 Problem Details instead of a cookie the browser would not return.
    /// </summary>
    public static IResult? HttpsRefusal(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = http.Request.Path;
        var forPeople = path.StartsWithSegments("/sign-in") || path.StartsWithSegments("/sign-out")
            || path.StartsWithSegments("/pages");
        return !forPeople || http.Request.IsHttps
            || http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment()
            ? null
            : Results.Problem(
                type: "https-required", title: "https only.", statusCode: StatusCodes.Status400BadRequest,
                detail: "The pages are served over https only (X-Forwarded-Proto is read from configured proxies).");
    }

    public static IResult Form(HttpContext http, string? returnUrl) =>
        Form(http, http.RequestServices.GetRequiredService<IAntiforgery>(), returnUrl, null);

    public static Task<IResult> SignInAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        return SignInAsync(
            http, services.GetRequiredService<IAntiforgery>(), services.GetRequiredService<ApiKeyRegistry>(),
            services.GetRequiredService<FailedCredentials>());
    }

    public static async Task<IResult> SignOutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await SmallFormAsync(http) is { } refused)
        {
            return refused;
        }

        if (!await FormRequests.AntiforgeryValidAsync(http))
        {
            return Results.BadRequest();
        }

        await http.SignOutAsync(Scheme);
        return Results.Redirect($"{http.Request.PathBase}/sign-in");
    }

    /// <summary>A hidden antiforgery field for a page form.</summary>
    public static string Antiforgery(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, IAntiforgery antiforgery, ApiKeyRegistry keys, FailedCredentials failures)
    {
        if (await SmallFormAsync(http) is { } refused)
        {
            return refused;
        }

        if (!http.Request.HasFormContentType || !await FormRequests.AntiforgeryValidAsync(http)
            || await FormRequests.ReadAsync(http.Request) is not { } form)
        {
            return Results.BadRequest();
        }

        var returnUrl = form["returnUrl"].ToString();
        if (form["key"].ToString() is not { Length: > 0 and <= 200 } presented || keys.Find(presented) is not { } key)
        {
            failures.Failed(http);
            return Form(http, antiforgery, returnUrl, "signin.wrong");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Name),
            new(ClaimTypes.Role, key.Role.ToString()),
            new(KeyVersionClaim, ApiKeyRegistry.VersionOf(key)),
        };
        if (key.PartnerId is { } partner)
        {
            claims.Add(new Claim(Caller.PartnerClaim, partner));
        }

        await http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)));
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : $"{http.Request.PathBase}/pages/cases");
    }

    /// <summary>The most a sign-in or sign-out form holds: a key, a return address and the antiforgery token.</summary>
    public const int MaxFormBytes = 4096;

    /// <summary>
    /// Reads a small form's body into memory only up to <paramref name="maxBytes"/> (a 413 Problem Details beyond),
    /// before antiforgery or the form reader see it: nobody makes the app read megabytes before a refusal.
    /// </summary>
    public static async Task<IResult?> SmallFormAsync(HttpContext http, int maxBytes = MaxFormBytes)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tooLarge = Results.Problem(
            type: "form-too-large", title: "The form is too large.", statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: $"This form takes at most {maxBytes} bytes.");
        if (http.Request.ContentLength > maxBytes)
        {
            return tooLarge;
        }

        var limit = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        var buffer = new byte[maxBytes + 1];
        var read = 0;
        int n;
        try
        {
            while (read < buffer.Length
                && (n = await http.Request.Body.ReadAsync(buffer.AsMemory(read), http.RequestAborted)) > 0)
            {
                read += n;
            }
        }
        catch (BadHttpRequestException)
        {
            // A chunked body past the limit set above: the server stops reading it.
            return tooLarge;
        }

        if (read > maxBytes)
        {
            return tooLarge;
        }

        http.Request.Body = new MemoryStream(buffer, 0, read, writable: false);
        return null;
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? problem)
    {
        var w = OfficeTexts.For(http);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var error = problem is null ? string.Empty : $"<p class=\"error\" role=\"alert\" id=\"key-error\">{E(w[problem])}</p>";
        var body = $"<h1>{E(w["signin.title"])}</h1>{error}<form method=\"post\" action=\"{E(http.Request.PathBase)}/sign-in?lang={w.Language}\">" +
            $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">" +
            $"<input type=\"hidden\" name=\"returnUrl\" value=\"{E(IsLocal(returnUrl) ? returnUrl : "/pages/cases")}\">" +
            $"<label for=\"key\">{E(w["signin.key"])}<span class=\"hint\" id=\"key-hint\">{E(w["signin.help"])}</span></label>" +
            $"<input type=\"password\" id=\"key\" name=\"key\" required autocomplete=\"current-password\" aria-describedby=\"key-hint\"{(problem is null ? string.Empty : " aria-invalid=\"true\"")}>" +
            $"<button>{E(w["signin.button"])}</button></form>";
        return Page(http, w, w["signin.title"], body, problem is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// A path on this site to send a person back to: starts with one '/', not "//" or "/\\" (another host to a
    /// browser), and holds no control character (which LocalRedirect refuses with an exception).
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 and < 500 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(c => c is > ' ' and < (char)0x7F); // an address the app wrote: ASCII, as a Location header must be
}
