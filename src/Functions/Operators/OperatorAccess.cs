using Reintegration.Functions.Localization;
using Reintegration.Functions.Pages;
using Reintegration.Functions.Security;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Operators;

/// <summary>
/// Who may use the operator pages: a signed-in programme officer (the role that sees ids, kinds and dates, no names or
/// free text). Nobody signed in goes to sign-in; any other role gets the same 404 as a case it may not see.
/// </summary>
public static class OperatorAccess
{
    public static async Task<IResult?> RefusalAsync(HttpContext http)
    {
        if (await Access.PersonAsync(http) is { } refused)
        {
            return refused;
        }

        if (Caller.Is(http.User, Role.ProgrammeOfficer))
        {
            return null;
        }

        var w = OperatorWords.Of(http);
        return Page(http, w, w["ops.title"], $"<p class=\"error\">{E(w["ops.title"])}: 404</p>",
            StatusCodes.Status404NotFound, OfficeNavigation.Of(http, w));
    }
}
