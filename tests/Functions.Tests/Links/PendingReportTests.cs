using System.Net;
using System.Net.Http.Headers;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Links;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Tests.Support;
using Reintegration.Storage.Documents;

namespace Reintegration.Functions.Tests.Links;

/// <summary>
/// A monitoring report sent through its link whose answer does not come within the edge's wait ("pending"): its
/// message was raised and the case takes it a moment later, so its attachments stay and the partner is told it was
/// received. They were deleted, and the report the case then took named documents that were gone.
/// </summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class PendingReportTests(AzuriteApp azurite) : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private AppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new AzuriteApp.AzureAppFactory(
            azurite.Azurite.ConnectionString,
            new Dictionary<string, string?> { ["Engine:TaskHub"] = "pending" + Guid.NewGuid().ToString("N")[..10] },
            services => services.AddSingleton<ICaseCommands>(sp => new ReportsAnsweredPending(sp.GetRequiredService<OrchestratedCaseCommands>())));
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Given_a_report_answered_pending_When_it_is_sent_by_its_link_Then_its_attachment_stays_and_the_partner_is_told_it_was_received()
    {
        var id = await ArrivedAsync("pending-report");
        app.Clock.AdvanceTo(app.Clock.GetUtcNow().AddDays(31));
        var token = app.Get<LinkTokens>().Issue(new LinkClaims(id, LinkAction.ReportMonitoring, 1, app.Clock.GetUtcNow().AddDays(14)));
        var photo = new ByteArrayContent(Png);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var form = new MultipartFormDataContent
        {
            { new StringContent("1"), "month" },
            { new StringContent("fair"), "economic" },
            { new StringContent("good"), "social" },
            { new StringContent("poor"), "psychosocial" },
        };
        form.Add(photo, "attachments", "receipt.png");

        var response = await app.CreateClient().PostAsync($"/links/{token}", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Received");
        var report = await AppFactory.EventuallyAsync(async () =>
            (await app.Get<ICaseReadModel>().ReadAsync(id))!.MonitoringReports.Values.FirstOrDefault());
        var attachment = report.AttachmentIds.ShouldHaveSingleItem();
        var blobs = new List<string>();
        await foreach (var blob in app.Get<DocumentVault>().Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, id + "/", CancellationToken.None))
        {
            blobs.Add(blob.Name);
        }

        blobs.ShouldContain(b => b.Contains(attachment, StringComparison.Ordinal));
    }

    private async Task<string> ArrivedAsync(string prefix)
    {
        var id = await app.NewCaseAsync(prefix + "-" + Guid.NewGuid().ToString("N")[..6]);
        var now = app.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var command in new CaseCommand[]
        {
            new CaseCommand.DecideEligibility(id, $"{id}-d", now, true, null),
            new CaseCommand.BookDeparture(id, $"{id}-b", now, today, null),
            new CaseCommand.ConfirmArrival(id, $"{id}-a", now, today),
        })
        {
            (await app.Get<ICaseCommands>().HandleAsync(command, null)).Rejection.ShouldBeNull();
        }

        return id;
    }

    /// <summary>Hands every command on, and answers a monitoring report "pending", as when the edge's wait runs out.</summary>
    private sealed class ReportsAnsweredPending(ICaseCommands inner) : ICaseCommands
    {
        public async Task<CommandResult> HandleAsync(CaseCommand command, CaseState? justLoaded, CancellationToken cancellationToken = default)
        {
            var result = await inner.HandleAsync(command, justLoaded, cancellationToken);
            return command is CaseCommand.SubmitMonitoringReport ? result with { Outcome = CommandOutcome.Pending } : result;
        }

        public Task<CommandResult> SubmitAsync(CaseCommand.SubmitApplication application, CancellationToken cancellationToken = default) =>
            inner.SubmitAsync(application, cancellationToken);

        public Task<Rejection?> TellAsync(IReadOnlyList<CaseCommand> story, CancellationToken cancellationToken = default) =>
            inner.TellAsync(story, cancellationToken);
    }
}
