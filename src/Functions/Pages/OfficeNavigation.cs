using Reintegration.Functions.Localization;
using Reintegration.Functions.Security;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>The navigation of the signed-in pages: cases, dashboard, operations (programme officers), the dev outbox in Development, and sign-out.</summary>
public static class OfficeNavigation
{
    public static string Of(HttpContext http, Words w)
    {
        var root = http.Request.PathBase;
        var lang = $"?lang={w.Language}";
        string Link(string path, string key) =>
            $"<li><a href=\"{E(root + path)}{lang}\"{(http.Request.Path.StartsWithSegments(path) ? " aria-current=\"page\"" : string.Empty)}>{E(w[key])}</a></li>";
        var signedIn = http.User.Identity is { IsAuthenticated: true, AuthenticationType: SignInPages.Scheme };
        var operations = Caller.Is(http.User, Role.ProgrammeOfficer) ? Link("/pages/operations", "nav.operations") : string.Empty;
        var outbox = http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment() ? Link("/dev/outbox", "nav.outbox") : string.Empty;
        var signOut = signedIn
            ? $"<li><form method=\"post\" action=\"{E(root)}/sign-out\">{SignInPages.Antiforgery(http)}<button title=\"{E(w.Format("signed-in-as", Caller.IdOf(http.User), Caller.RoleOf(http.User) is { } role ? w.Choice("role", Api.Choices.Kebab(role)) : string.Empty))}\">{E(w["nav.sign-out"])}</button></form></li>"
            : string.Empty;
        return $"<nav aria-label=\"{E(w["nav.label"])}\"><ul>{Link("/pages/cases", "nav.cases")}{Link("/pages/dashboard", "nav.dashboard")}{operations}{outbox}{signOut}</ul></nav>";
    }
}
