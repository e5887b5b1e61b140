using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Tests.Support;
using Reintegration.Storage.Tests.Azurite;

namespace Reintegration.Functions.Tests.Hosting;

/// <summary>
/// The local host's route table is the Functions host's: the same routes (under the same prefix), verbs (HEAD
/// included) and authorization level as functions.metadata, which the Worker SDK writes from the [HttpTrigger]s
/// at build time and the Functions host indexes on Azure.
/// </summary>
public sealed class HttpRouteTableTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Local endpoints that are no function: the OpenAPI document and the demo's front door.</summary>
    private static readonly string[] LocalOnly = ["/openapi/v1.json", "/"];

    private static IEnumerable<string> Azure() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray()
            .Select(f => (Name: f!["name"]!.GetValue<string>(), Trigger: f["bindings"]!.AsArray()
                .SingleOrDefault(b => b!["type"]!.GetValue<string>() == "httpTrigger")))
            .Where(f => f.Trigger is not null)
            .Select(f => Row(f.Name, "/" + f.Trigger!["route"]!.GetValue<string>(),
                f.Trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()), f.Trigger["authLevel"]!.GetValue<string>()));

    private IEnumerable<RouteEndpoint> Local() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string Row(string name, string route, IEnumerable<string> methods, string level) =>
        $"{name} {string.Join(',', methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal))} {route} {level}";

    [Fact]
    public void Every_http_function_is_mapped_locally_to_the_route_verbs_and_level_its_trigger_declares()
    {
        var local = Local()
            .Where(e => e.Metadata.GetMetadata<HttpFunction>() is not null)
            .Select(e => Row(
                e.Metadata.GetMetadata<HttpFunction>()!.Name, "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods, e.Metadata.GetMetadata<HttpFunction>()!.Level.ToString()))
            .Order(StringComparer.Ordinal).ToList();

        local.ShouldBe(Azure().Order(StringComparer.Ordinal).ToList());
        local.ShouldAllBe(r => r.EndsWith(" Anonymous", StringComparison.Ordinal));
        local.ShouldContain(r => r.StartsWith("LinkPage GET,HEAD /links/{token} ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_local_host_has_no_endpoint_of_its_own_beside_the_functions()
    {
        Local().Where(e => e.Metadata.GetMetadata<HttpFunction>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ShouldBeSubsetOf(LocalOnly);
    }

    [Fact]
    public void The_prefix_is_the_Functions_hosts_route_prefix()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.FindRepositoryRoot(), "src/Functions/host.json")))!;
        host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>().ShouldBe(HttpFunctionRoutes.Prefix);
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/health")]
    public async Task Given_a_route_When_called_under_the_prefix_or_at_the_root_Then_the_same_function_answers(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Head, path);
        (await app.CreateClient().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_verb_the_trigger_does_not_declare_Then_the_local_host_refuses_it()
    {
        (await app.CreateClient().DeleteAsync("/api/health")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task The_local_OpenAPI_document_lists_the_API_functions_and_no_page()
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject();

        document["/cases/{caseId}/decision"]!["post"]!["operationId"]!.GetValue<string>().ShouldBe("DecideEligibility");
        document["/webhooks/intake/native"]!["post"].ShouldNotBeNull();
        document.Select(p => p.Key).ShouldNotContain(p => p.StartsWith("/pages", StringComparison.Ordinal) || p.StartsWith("/links", StringComparison.Ordinal));
    }
}
