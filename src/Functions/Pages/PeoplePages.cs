namespace Reintegration.Functions.Pages;

/// <summary>The signed-in pages for people: sign-in, the case list, one case, the dashboard.</summary>
public static class PeoplePages
{
    public static IEndpointRouteBuilder MapPeoplePages(this IEndpointRouteBuilder app)
    {
        app.MapSignInPages();
        app.MapCaseListPage();
        app.MapCasePage();
        app.MapDashboardPage();
        return app;
    }
}
