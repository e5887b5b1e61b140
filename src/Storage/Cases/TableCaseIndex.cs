using System.Text;
using Azure;
using Azure.Data.Tables;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Storage.Cases;

/// <summary>
/// The case list on Azure Tables: one row per case, partitioned by programme, filtered server-side by stage,
/// country and partner. The continuation is the service's own, made opaque.
/// </summary>
public sealed class TableCaseIndex(TableClient table) : ICaseIndex
{
    public TableClient Table => table;

    public Task UpsertAsync(CaseSummary summary, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(new TableEntity(summary.ProgrammeId, summary.CaseId)
        {
            ["Country"] = summary.Country,
            ["PartnerId"] = summary.PartnerId ?? string.Empty,
            ["Shared"] = summary.SharedWithPartner,
            ["Stage"] = summary.Stage.ToString(),
            ["Closure"] = summary.Closure?.ToString() ?? string.Empty,
            ["NextDeadline"] = summary.NextDeadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            ["NextDeadlineWhat"] = summary.NextDeadlineWhat ?? string.Empty,
            ["NextDeadlineKey"] = summary.NextDeadlineKey ?? string.Empty,
            ["UpdatedAt"] = summary.UpdatedAt,
            ["Version"] = summary.Version,
            ["Overdue"] = summary.Overdue,
            ["OverdueSince"] = summary.OverdueSince?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<CasePage> QueryAsync(CaseFilter filter, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        var clauses = new List<string>();
        if (filter.ProgrammeId is { } programme)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey eq {programme}"));
        }

        if (filter.Country is { } country)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Country eq {country.ToUpperInvariant()}"));
        }

        if (filter.PartnerId is { } partner)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartnerId eq {partner}"));
        }

        if (filter.Stage is { } stage)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Stage eq {stage.ToString()}"));
        }

        if (filter.SharedWithPartnerOnly)
        {
            clauses.Add("Shared eq true");
        }

        var token = continuation is null ? null : Decode(continuation);
        var query = table.QueryAsync<TableEntity>(clauses.Count == 0 ? null : string.Join(" and ", clauses), pageSize, cancellationToken: cancellationToken);
        await using var pages = query.AsPages(token, pageSize).GetAsyncEnumerator(cancellationToken);
        try
        {
            if (!await pages.MoveNextAsync())
            {
                return new CasePage([], null);
            }
        }
        catch (RequestFailedException ex) when (token is not null && ex.Status == 400)
        {
            // A token of the right shape that the table service refuses (an edited one): as one that is not a token.
            throw new ArgumentException("The continuation token was not made by this service.", nameof(continuation), ex);
        }

        var page = pages.Current;
        var cases = page.Values.Select(Summary).ToList();
        var next = page.ContinuationToken is { } nextToken ? ToUrl(Convert.ToBase64String(Encoding.UTF8.GetBytes(nextToken))) : null;
        return new CasePage(cases, next);
    }

    private static CaseSummary Summary(TableEntity row) => new(
        row.RowKey,
        row.PartitionKey,
        row.GetString("Country")!,
        row.GetString("PartnerId") is { Length: > 0 } partner ? partner : null,
        row.GetBoolean("Shared") ?? false,
        Enum.Parse<CaseStage>(row.GetString("Stage")!),
        row.GetString("Closure") is { Length: > 0 } closure ? Enum.Parse<ClosureReason>(closure) : null,
        row.GetString("NextDeadline") is { Length: > 0 } date ? DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) : null,
        row.GetString("NextDeadlineWhat") is { Length: > 0 } what ? what : null,
        row.GetDateTimeOffset("UpdatedAt")!.Value,
        row.GetInt64("Version")!.Value,
        row.GetString("NextDeadlineKey") is { Length: > 0 } key ? key : null)
    {
        Overdue = row.GetInt32("Overdue") ?? 0,
        OverdueSince = row.GetString("OverdueSince") is { Length: > 0 } since
            ? DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture)
            : null,
    };

    /// <summary>The service's token ("partition row") from its URL-safe form; anything else is not ours.</summary>
    private static string Decode(string continuation)
    {
        try
        {
            var token = Encoding.UTF8.GetString(Convert.FromBase64String(FromUrl(continuation)));
            return token.Split(' ').Length == 2 ? token : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new ArgumentException("The continuation token was not made by this service.", nameof(continuation));
        }
    }

    private static string ToUrl(string base64) => base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromUrl(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        return base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
    }
}
