using System.Net;
using System.Text;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Outbox;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Security;

public sealed class LinkTokenRedactionTests
{
    [Fact]
    public async Task Given_a_link_used_by_get_head_and_post_When_logs_and_spans_are_captured_Then_none_holds_the_token()
    {
        var collector = new OtlpCollector();
        var app = collector.App();
        await app.NewCaseAsync("redact-1");
        var token = await LinkTokenAsync(app, "redact-1");
        token.Length.ShouldBeGreaterThan(40);
        var client = app.CreateClient();
        (await client.GetAsync($"/links/{token}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/links/{token}?lang=en"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await client.PostAsync($"/links/{token}", new FormUrlEncodedContent([new("decision", "nonsense")]));
        app.Get<Telemetry>().Flush().ShouldBeTrue();
        await app.DisposeAsync();
        await collector.DisposeAsync();
        var exported = collector.Exported;

        // The request lines are still logged, with the token's fingerprint in its place.
        var fingerprint = "/links/~" + LinkTokenRedaction.Fingerprint(token);
        app.Logs.Lines.ShouldContain(l => l.Contains("Request starting", StringComparison.Ordinal) && l.Contains(fingerprint, StringComparison.Ordinal));
        app.Logs.Lines.Where(l => l.Contains(token[..24], StringComparison.Ordinal)).ShouldBeEmpty();

        // OTLP protobuf keeps strings as UTF-8 bytes: a token in any span name or attribute would be found as is.
        var traces = exported.Where(e => e.Path == "/v1/traces").SelectMany(e => e.Body).ToArray();
        traces.Length.ShouldBeGreaterThan(0);
        Encoding.UTF8.GetString(traces).ShouldContain(fingerprint, Case.Sensitive, Printable(traces));
        Encoding.UTF8.GetString(traces).ShouldNotContain(token[..24]);
        Encoding.UTF8.GetString([.. exported.SelectMany(e => e.Body)]).ShouldNotContain(token[..24]);
    }

    [Theory]
    [InlineData("GET http://localhost/links/eyJhbGciOi.abc-_123?lang=en", "GET http://localhost/links/~")]
    [InlineData("/api/links/eyJ0b2tlbiI6MX0.c2ln", "/api/links/~")]
    [InlineData("route /links/{token}", "route /links/{token}")]
    public void Given_a_text_When_redacted_Then_only_the_token_is_replaced(string text, string starts) =>
        LinkTokenRedaction.Redact(text).ShouldStartWith(starts);

    private static string Printable(byte[] bytes) =>
        new([.. Encoding.UTF8.GetString(bytes).Select(c => char.IsControl(c) ? ' ' : c)]);

    private static async Task<string> LinkTokenAsync(AppFactory app, string caseId)
    {
        var text = (await app.Get<IDevOutbox>().ListAsync(caseId)).Select(e => e.Message.Text).First(t => t.Contains("/links/", StringComparison.Ordinal));
        var start = text.IndexOf("/links/", StringComparison.Ordinal) + "/links/".Length;
        var end = text.IndexOfAny([' ', '\n', '\r', '?'], start);
        return text[start..(end < 0 ? text.Length : end)];
    }
}
