using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Functions.Api;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Pages;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Security;

/// <summary>
/// The functions called as the isolated worker calls them: no ASP.NET Core pipeline in front, only the request gate
/// the worker middleware runs. Each function still refuses a caller it does not know, and the prefix the Functions
/// host routes under becomes the path base, so a redirect keeps it.
/// </summary>
public sealed class FunctionAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private DefaultHttpContext Request(string path, string? apiKey = null)
    {
        var http = new DefaultHttpContext { RequestServices = app.Services.CreateScope().ServiceProvider };
        http.Request.Method = "GET";
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("reintegration.example");
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        if (apiKey is not null)
        {
            http.Request.Headers["X-Api-Key"] = apiKey;
        }

        RequestGate.Prepare(http);
        return http;
    }

    [Fact]
    public async Task Given_no_key_When_an_API_function_is_invoked_directly_Then_it_answers_401_itself()
    {
        var http = Request("/api/cases");

        await (await new CaseQueryFunctions().ListCasesAsync(http.Request)).ExecuteAsync(http);

        http.Response.StatusCode.ShouldBe(StatusCodes.Status401Unauthorized);
        http.Response.ContentType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Given_a_key_When_an_API_function_is_invoked_directly_Then_it_answers()
    {
        var http = Request("/api/cases", "dev-officer-key");

        await (await new CaseQueryFunctions().ListCasesAsync(http.Request)).ExecuteAsync(http);

        http.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
    }

    [Fact]
    public async Task Given_no_session_When_a_page_function_is_invoked_under_the_prefix_Then_it_redirects_to_sign_in_under_it()
    {
        var http = Request("/api/pages/cases");

        await (await new PeopleFunctions().CaseListAsync(http.Request)).ExecuteAsync(http);

        http.Request.PathBase.Value.ShouldBe("/api");
        http.Response.StatusCode.ShouldBe(StatusCodes.Status302Found);
        new Uri(http.Response.Headers.Location.ToString()).AbsolutePath.ShouldBe("/api/sign-in");
    }
}
