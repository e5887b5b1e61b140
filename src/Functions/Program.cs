using Reintegration.Functions.Hosting;

var app = ReintegrationApp.Build(args);
await app.RunAsync();

/// <summary>The entry point, visible to the HTTP tests.</summary>
public partial class Program;
