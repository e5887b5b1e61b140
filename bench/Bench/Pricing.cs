using System.Globalization;

/// <summary>
/// Azure Table Storage list prices (Standard, LRS, pay-as-you-go, USD, East US) as published on
/// https://azure.microsoft.com/pricing/details/storage/tables/ — the 2025 figures known to the author; this machine
/// cannot reach the page to re-check them. Override with BENCH_TABLE_GB_MONTH and BENCH_TABLE_PER_10K to use today's.
/// </summary>
public static class Pricing
{
    public const string Source = "Azure Table Storage, Standard LRS, pay-as-you-go, East US, USD; list prices of 2025";

    public static string Describe(double transactionsPerCase, long bytesPerCase, double emptySweepRequests)
    {
        var perGbMonth = Price("BENCH_TABLE_GB_MONTH", 0.045);
        var per10K = Price("BENCH_TABLE_PER_10K", 0.00036);
        var transactions = transactionsPerCase * 1000 * per10K / 10_000;
        var capacity = bytesPerCase * 1000 / 1e9 * perGbMonth * 12;
        var sweeps = 525_600 * emptySweepRequests * per10K / 10_000;
        return string.Create(CultureInfo.InvariantCulture, $"""
            cost at {Source} (${perGbMonth}/GB-month, ${per10K} per 10,000 transactions):
              1,000 cases a year: transactions ${transactions:0.0000} + capacity ${capacity:0.0000} (1,000 cases kept 12 months) = ${transactions + capacity:0.0000}
              the once-a-minute sweep, whatever the number of cases: {emptySweepRequests:0.0} requests a sweep, ${sweeps:0.00} a year
            """);
    }

    private static double Price(string variable, double listPrice) =>
        double.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var price) ? price : listPrice;
}
