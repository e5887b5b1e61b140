using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Links;
using Reintegration.Functions.Tests.Support;
using Reintegration.Storage.Cases;
using Reintegration.Storage.Documents;

namespace Reintegration.Functions.Tests.Links;

/// <summary>Uploads through link pages on cases that will not take them leave no document in storage.</summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class LinkUploadTests(AzuriteApp azurite)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% a receipt\n");

    private AppFactory App => azurite.App;

    [Fact]
    public async Task Given_an_erased_case_When_every_upload_is_tried_Then_no_blob_or_row_holds_its_documents()
    {
        var erased = await App.NewCaseAsync("upload-erased");
        await DoAsync(new CaseCommand.CloseCase(erased, "upload-erased-w", Now, ClosureReason.Withdrawn));
        await DoAsync(new CaseCommand.ErasePersonalData(erased, "upload-erased-e", App.Clock.GetUtcNow()));
        var arrived = await ArrivedAsync("upload-not-due");
        var control = await App.NewCaseAsync("upload-control");
        await App.Get<DocumentVault>().PutAsync(control, "monitoring-1-control", "image/png", Png);

        foreach (var action in Enum.GetValues<LinkAction>())
        {
            foreach (var round in new[] { 1, 2, 12 })
            {
                var response = await UploadAsync(erased, action, round);
                ((int)response.StatusCode).ShouldBeInRange(400, 499, $"{action} {round} on the erased case");
            }
        }

        // Open, but the decider refuses it: month 1 is not due yet, so the stored upload must go again.
        var refused = await UploadAsync(arrived, LinkAction.ReportMonitoring, 1);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("is due on");

        var blobs = new List<string>();
        await foreach (var blob in App.Get<DocumentVault>().Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
        {
            blobs.Add(blob.Name);
        }

        blobs.ShouldContain(b => b.StartsWith(control + "/", StringComparison.Ordinal));
        blobs.ShouldNotContain(b => b.StartsWith(erased + "/", StringComparison.Ordinal));
        blobs.ShouldNotContain(b => b.StartsWith(arrived + "/", StringComparison.Ordinal));
        foreach (var id in new[] { erased, arrived })
        {
            var rows = await RowsAsync(id);
            rows.ShouldNotBeEmpty();
            rows.ShouldAllBe(row => !row.Contains("monitoring-", StringComparison.Ordinal));
            (await App.Get<ICaseReadModel>().ReadAsync(id))!.MonitoringReports.ShouldBeEmpty();
        }
    }

    private async Task<HttpResponseMessage> UploadAsync(string caseId, LinkAction action, int round)
    {
        var token = App.Get<LinkTokens>().Issue(new LinkClaims(caseId, action, round, Now.AddDays(14)));
        var form = new MultipartFormDataContent
        {
            { new StringContent(round.ToString(System.Globalization.CultureInfo.InvariantCulture)), "month" },
            { new StringContent("fair"), "economic" },
            { new StringContent("good"), "social" },
            { new StringContent("poor"), "psychosocial" },
            { new StringContent("eligible"), "decision" },
            { new StringContent("approve"), "decision" },
            { new StringContent("2026-11-02"), "arrivedOn" },
        };
        form.Add(File(Png, "image/png"), "attachments", "receipt.png");
        form.Add(File(Pdf, "application/pdf"), "attachments", "receipt.pdf");
        return await App.CreateClient().PostAsync($"/links/{token}", form);
    }

    private static ByteArrayContent File(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    // Every row of the case's partition in the case store (snapshot, events, commands, outbox, sealed secrets), as stored.
    private async Task<List<string>> RowsAsync(string caseId)
    {
        var rows = new List<string>();
        var table = App.Get<TableReadModel>().Table;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), 1000))
        {
            var payload = row.RowKey.StartsWith("c-", StringComparison.Ordinal) ? string.Empty
                : row.RowKey.StartsWith("s-", StringComparison.Ordinal) ? row.GetString("Value")
                : Encoding.UTF8.GetString(EntityPayload.Read(row));
            rows.Add(row.RowKey + " " + payload);
        }

        return rows;
    }

    private async Task<string> ArrivedAsync(string id)
    {
        await App.NewCaseAsync(id);
        var now = App.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await DoAsync(new CaseCommand.DecideEligibility(id, $"{id}-d", now, true, null));
        await DoAsync(new CaseCommand.BookDeparture(id, $"{id}-b", now, today, null));
        await DoAsync(new CaseCommand.ConfirmArrival(id, $"{id}-a", now, today));
        return id;
    }

    private DateTimeOffset Now => App.Clock.GetUtcNow();

    private async Task DoAsync(CaseCommand command) =>
        (await App.Get<ICaseCommands>().HandleAsync(command, null)).Rejection.ShouldBeNull();
}
