namespace Reintegration.Domain.Programmes;

/// <summary>The most a case may receive, per person and per family member, in kind and in cash.</summary>
public sealed record SupportCaps(
    IReadOnlyList<PostReturnCap> PostReturn,
    IReadOnlyList<PostArrivalCap> PostArrival,
    decimal TravelCashPerPerson,
    decimal CashAtDepartureWithoutPartnerPerPerson)
{
    /// <summary>The most specific post-return cap: a country's own row beats a return type's row beats the general one.</summary>
    public PostReturnCap? PostReturnFor(ReturnType returnType, string country) =>
        PostReturn
            .Where(c => c.ReturnType is null || c.ReturnType == returnType)
            .Where(c => c.Country is null || string.Equals(c.Country, country, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => (c.Country is null ? 0 : 2) + (c.ReturnType is null ? 0 : 1))
            .FirstOrDefault();

    public PostArrivalCap? PostArrivalFor(ReturnType returnType) =>
        PostArrival.FirstOrDefault(c => c.ReturnType is null || c.ReturnType == returnType);
}

/// <summary>
/// Post-return support per adult and per minor; <see cref="CashPerPerson"/> caps the cash part inside that total
/// (null: no separate cash limit).
/// </summary>
public sealed record PostReturnCap(ReturnType? ReturnType, string? Country, decimal PerAdult, decimal PerMinor, decimal? CashPerPerson);

/// <summary>The post-arrival package's value per person.</summary>
public sealed record PostArrivalCap(ReturnType? ReturnType, decimal PerPerson);
