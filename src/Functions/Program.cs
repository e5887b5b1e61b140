using Reintegration.Functions.Demo;

var demos = await DemoScript.RunAsync();
foreach (var demo in demos)
{
    Console.WriteLine(await DemoEndpoints.TimelineTextAsync(demo));
}

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapDemo(demos);
app.MapGet("/", () => Results.Redirect("/demo"));
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"Demo timelines: {url}/demo");
    }
});
await app.RunAsync();
