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
/// cookie (Secure over https) for 8 hours. Every page form carries an antiforgery token.
/// </summary>
public static class SignInPages
{
    public const string Scheme = "Pages";
    public const string Policy = "SignedInPerson";

    public static IServiceCollection AddPageSignIn(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "reintegration.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/sign-in";
            o.AccessDeniedPath = "/sign-in";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "reintegration.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__csrf";
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static IEndpointRouteBuilder MapSignInPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sign-in", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) => Form(http, antiforgery, returnUrl, null)).ExcludeFromDescription();
        app.MapPost("/sign-in", SignInAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapPost("/sign-out", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            await http.SignOutAsync(Scheme);
            return Results.Redirect($"{http.Request.PathBase}/sign-in");
        }).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    /// <summary>A hidden antiforgery field for a page form.</summary>
    public static string Antiforgery(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, ApiKeyRegistry keys)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        if (form["key"].ToString() is not { Length: > 0 and <= 200 } presented || keys.Find(presented) is not { } key)
        {
            return Form(http, antiforgery, returnUrl, "signin.wrong");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, key.Name), new(ClaimTypes.Role, key.Role.ToString()) };
        if (key.PartnerId is { } partner)
        {
            claims.Add(new Claim(Caller.PartnerClaim, partner));
        }

        await http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)));
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : $"{http.Request.PathBase}/pages/cases");
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? problem)
    {
        var w = OfficeTexts.Texts.In(PageLanguage.Choose(http, OfficeTexts.Texts.Languages));
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

    private static bool IsLocal(string? url) =>
        url is { Length: > 0 and < 500 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
