using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Tests.Support;
using Reintegration.Storage.Cases;

namespace Reintegration.Functions.Tests.Hardening;

/// <summary>
/// A corpus of malformed requests across every endpoint that takes input: each answer is a 4xx Problem Details, never
/// a 5xx, and the store is the same before and after: the read model row for row, the task hub's instances, and the
/// case's stage and version as its orchestration publishes them.
/// </summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class BadInputCorpusTests(AzuriteApp azurite)
{
    private const string CaseId = "corpus-case";

    private sealed record Endpoint(HttpMethod Method, string Path, string Key);

    private static readonly Endpoint[] Endpoints =
    [
        new(HttpMethod.Post, $"/api/cases/{CaseId}/decision", "dev-agency-key"),
        new(HttpMethod.Put, $"/api/cases/{CaseId}/departure", "dev-counsellor-key"),
        new(HttpMethod.Post, $"/api/cases/{CaseId}/post-arrival-request", "dev-counsellor-key"),
        new(HttpMethod.Post, $"/api/cases/{CaseId}/departure-record", "dev-agency-key"),
        new(HttpMethod.Post, $"/api/cases/{CaseId}/arrival", "dev-partner-ug-key"),
        new(HttpMethod.Post, $"/api/cases/{CaseId}/plan", "dev-counsellor-key"),
        new(HttpMethod.Post, $"/api/cases/{CaseId}/plan/1/decision", "dev-agency-key"),
        new(HttpMethod.Post, $"/api/cases/{CaseId}/monitoring-reports", "dev-partner-ug-key"),
        new(HttpMethod.Post, $"/api/cases/{CaseId}/financial-report", "dev-partner-ug-key"),
        new(HttpMethod.Post, $"/api/cases/{CaseId}/closure", "dev-counsellor-key"),
        new(HttpMethod.Post, "/webhooks/intake/native", ""),
        new(HttpMethod.Post, "/webhooks/intake/kobo/drc-intake", ""),
        new(HttpMethod.Post, "/webhooks/intake/typeform/sample", ""),
    ];

    /// <summary>Bodies every endpoint must refuse: broken, wrong shapes, wrong types, bad dates, amounts and choices.</summary>
    private static readonly string[] Bodies =
    [
        "{", "}", "[]", "null", "\"text\"", "42", "{\"a\":}", "{'single':'quotes'}", "\u0000", "{\"eligible\":true,}",
        "{\"eligible\":1}", "{\"eligible\":\"yes\"}", "{\"departure\":20261210}", "{\"departure\":\"2026-13-45\"}", "{\"departure\":\"2026-02-30\"}",
        "{\"departure\":\"10/12/2026\"}", "{\"services\":\"airport-pickup\"}", "{\"services\":[\"teleport\"]}", "{\"services\":[1,2]}",
        "{\"services\":[\"cash\"],\"estimatedValue\":{\"amount\":\"ten\",\"currency\":\"DKK\"}}",
        "{\"services\":[\"cash\"],\"estimatedValue\":{\"amount\":10,\"currency\":\"XXX\"}}",
        "{\"services\":[\"cash\"],\"estimatedValue\":{\"amount\":-1,\"currency\":\"DKK\"}}",
        "{\"services\":[\"cash\"],\"estimatedValue\":{\"amount\":1e300,\"currency\":\"DKK\"}}",
        "{\"lines\":{}}", "{\"lines\":[{\"lineId\":\"x\",\"category\":\"yacht\",\"description\":\"d\",\"amount\":{\"amount\":1,\"currency\":\"DKK\"}}]}",
        "{\"lines\":[{\"lineId\":\"x\",\"category\":\"education\",\"description\":\"d\",\"amount\":{\"amount\":1.001,\"currency\":\"DKK\"}}]}",
        "{\"approve\":\"maybe\"}", "{\"month\":0,\"economic\":\"good\",\"social\":\"good\",\"psychosocial\":\"good\"}",
        "{\"month\":\"one\",\"economic\":\"good\",\"social\":\"good\",\"psychosocial\":\"good\"}", "{\"month\":1,\"economic\":\"great\"}",
        "{\"reason\":\"vanished\"}", "{\"arrivedOn\":\"yesterday\"}", "{\"departedOn\":null}", "{\"reason\":\"completed\\u0007\"}",
        "{\"programmeId\":\"drc-denmark\",\"applicant\":{\"name\":\"\",\"dateOfBirth\":\"1990-02-31\"}}",
        "{\"programmeId\":\"drc-denmark\",\"applicant\":{\"name\":\"Amina\\r\\nBcc: list@example.org\",\"dateOfBirth\":\"1990-02-03\"}}",
        "{\"reason\":\"withdrawn\\r\\nX-Injected: 1\"}",
        // Found in review 2026-12-03: a lone surrogate made the reader throw (500); a comma list of choices was read as
        // their OR, a third valid choice ("withdrawn,moved" closed the case as deceased); a date at the calendar's end
        // made the rules' date arithmetic throw (a departure on 9999-12-31 left the case's orchestration Failed).
        "{\"reason\":\"\\udc00\"}", "{\"eligible\":true,\"reason\":\"\\ud800x\"}", "{\"reason\":\"withdrawn,moved\"}", "{\"reason\":\"0,1\"}",
        "{\"departure\":\"9999-12-31\"}", "{\"departure\":\"2027-01-20\",\"fligth\":\"TK 1953\"}", "{\"eligible\":true,\"reasno\":\"x\"}", "{\"departure\":\"0001-01-01\"}", "{\"arrivedOn\":\"0001-01-01\"}",
        "{\"programmeId\":\"drc-denmark\",\"applicant\":{\"name\":\"A\",\"dateOfBirth\":\"0001-01-01\"}}",
        new string('[', 100) + new string(']', 100),
        "{\"a\":" + new string('[', 64) + new string(']', 64) + "}",
        "{\"eligible\":true,\"reason\":\"" + new string('x', 70_000) + "\"}",
    ];

    [Fact]
    public async Task Every_malformed_request_gets_a_4xx_problem_and_changes_nothing()
    {
        var app = azurite.App;
        await app.NewCaseAsync(CaseId);
        var before = await SnapshotAsync();
        var answers = new List<(string What, HttpStatusCode Status, string? Type)>();

        foreach (var endpoint in Endpoints)
        {
            foreach (var body in Bodies)
            {
                answers.Add(await SendAsync(endpoint, new StringContent(body, Encoding.UTF8, "application/json"), endpoint.Key, null));
            }

            answers.Add(await SendAsync(endpoint, new StringContent("eligible=true", Encoding.UTF8, "application/x-www-form-urlencoded"), endpoint.Key, null));
            answers.Add(await SendAsync(endpoint, new StringContent("{\"eligible\":true}", Encoding.UTF8, "text/plain"), endpoint.Key, null));
            answers.Add(await SendAsync(endpoint, new StringContent("{\"eligible\":true}", Encoding.UTF8, "application/json"), endpoint.Key, "../../etc/passwd"));
            answers.Add(await SendAsync(endpoint, new StringContent("{\"eligible\":true}", Encoding.UTF8, "application/json"), endpoint.Key, new string('k', 101)));

            // Header injection: line breaks smuggled into header values never become headers, keys or cookies.
            answers.Add(await SendAsync(endpoint, new StringContent("{\"eligible\":true}", Encoding.UTF8, "application/json"), endpoint.Key, "key-1\r\nX-Api-Key: dev-programme-key"));
            answers.Add(await SendAsync(endpoint, new StringContent("{\"eligible\":true}", Encoding.UTF8, "application/json"), endpoint.Key, "key-2\nSet-Cookie: session=stolen"));
            answers.Add(await SendAsync(endpoint, InjectedContentType(), endpoint.Key, null));
        }

        foreach (var unknown in new[] { "/api/cases/no-such-case/decision", "/api/cases/no-such-case/closure" })
        {
            answers.Add(await SendAsync(new Endpoint(HttpMethod.Post, unknown, "dev-agency-key"), new StringContent("{\"eligible\":true,\"reason\":\"withdrawn\"}", Encoding.UTF8, "application/json"), "dev-agency-key", null));
        }

        answers.Count.ShouldBeGreaterThanOrEqualTo(200);
        answers.Where(a => (int)a.Status >= 500 || (int)a.Status < 400).ShouldBeEmpty();
        answers.Where(a => a.Type != "application/problem+json").ShouldBeEmpty();
        (await SnapshotAsync()).ShouldBe(before);
    }

    private static StringContent InjectedContentType()
    {
        var content = new StringContent("{\"eligible\":true}", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "text/plain\r\nContent-Type: application/json");
        return content;
    }

    private async Task<(string What, HttpStatusCode Status, string? Type)> SendAsync(Endpoint endpoint, HttpContent content, string key, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(endpoint.Method, endpoint.Path) { Content = content };
        if (key.Length > 0)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (endpoint.Path.Contains("kobo", StringComparison.Ordinal))
        {
            request.Headers.Add("X-Intake-Secret", AzuriteApp.KoboHeaderValue);
        }

        var response = await azurite.App.CreateClient().SendAsync(request);
        var preview = await content.ReadAsStringAsync();
        return ($"{endpoint.Method} {endpoint.Path} {preview[..Math.Min(preview.Length, 60)]}", response.StatusCode, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Every row of the read model with its ETag, which instances the task hub holds, and the corpus case's stage and
    /// versions as its orchestration publishes them. Its history may grow: a well-formed request that a rule refuses
    /// (a financial report while the agency has not decided) is decided by the orchestration, which answers it and
    /// changes nothing.
    /// </summary>
    private async Task<string> SnapshotAsync()
    {
        var rows = new List<string>();
        await foreach (var row in azurite.App.Get<TableReadModel>().Table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows.Add($"{row.PartitionKey}/{row.RowKey}/{row.ETag}");
        }

        var hub = Reintegration.Functions.Hosting.LocalTaskHubHost.TaskHubName(azurite.App.Get<Microsoft.Extensions.Configuration.IConfiguration>());
        var instances = new Azure.Data.Tables.TableServiceClient(azurite.Azurite.ConnectionString).GetTableClient(hub + "Instances");
        await foreach (var row in instances.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "CustomStatus"]))
        {
            rows.Add($"instance {row.PartitionKey}");
            if (row.PartitionKey == CaseId)
            {
                var status = System.Text.Json.Nodes.JsonNode.Parse(row.GetString("CustomStatus"))!;
                rows.Add($"published {status["stage"]} v{status["version"]} projected v{status["projectedVersion"]}");
            }
        }

        rows.ShouldContain("published AwaitingDecision v1 projected v1");
        rows.Sort(StringComparer.Ordinal);
        return string.Join("\n", rows);
    }
}
