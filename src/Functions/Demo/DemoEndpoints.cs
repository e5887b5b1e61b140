using System.Globalization;
using System.Net;
using System.Text;
using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Demo;

/// <summary>Prints and serves the in-memory demo's timelines.</summary>
public static class DemoEndpoints
{
    public static async Task<string> TimelineTextAsync(DemoCase demo)
    {
        var events = await demo.System.Store.ReadEventsAsync(demo.CaseId);
        var text = new StringBuilder($"== {demo.CaseId}{Environment.NewLine}");
        foreach (var recorded in events)
        {
            var entry = Timeline.Describe(recorded.Version, recorded.Event);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {entry.At:yyyy-MM-dd HH:mm}  {entry.What}{(entry.Detail.Length > 0 ? " — " + entry.Detail : string.Empty)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  messages sent: {demo.System.Messages.Sent.Count}");
        return text.ToString();
    }

    public static void MapDemo(this IEndpointRouteBuilder app, IReadOnlyList<DemoCase> demos) =>
        app.MapGet("/demo", async () =>
        {
            var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Demo timelines</title></head><body><h1>Demo: one case of each programme</h1>");
            foreach (var demo in demos)
            {
                html.Append("<pre>").Append(WebUtility.HtmlEncode(await TimelineTextAsync(demo))).Append("</pre>");
            }

            return Results.Content(html.Append("</body></html>").ToString(), "text/html; charset=utf-8");
        });
}
