using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Budget;

/// <summary>A cap a plan breaks: which, by how much, with the arithmetic spelled out for the caseworker.</summary>
public sealed record CapBreach(string Cap, Money Limit, Money Planned, string Explanation)
{
    public Money Excess => Planned - Limit;

    public override string ToString() => $"{Explanation}: planned {Planned}, cap {Limit}, excess {Excess}";
}

/// <summary>The programme's caps for one case's family, and the check of a plan against them.</summary>
public sealed record PlanCaps(Money Total, string TotalExplanation, Money? Cash, Money TravelCash)
{
    public static PlanCaps For(Programme programme, CaseFile file)
    {
        var cap = programme.Caps.PostReturnFor(file.ReturnType, file.CountryOfReturn)
            ?? new PostReturnCap(null, null, 0m, 0m, 0m);
        var total = programme.Amount(cap.PerAdult) * file.Adults + programme.Amount(cap.PerMinor) * file.Minors;
        var explanation = cap.PerAdult == cap.PerMinor
            ? $"{file.People} × {programme.Amount(cap.PerAdult)}"
            : $"{file.Adults} × {programme.Amount(cap.PerAdult)} + {file.Minors} × {programme.Amount(cap.PerMinor)}";
        Money? cash = cap.CashPerPerson is { } perPerson ? programme.Amount(perPerson) * file.People : null;
        return new PlanCaps(total, explanation, cash, programme.Amount(programme.Caps.TravelCashPerPerson) * file.People);
    }

    /// <summary>Every cap the plan breaks; empty when it fits.</summary>
    public IReadOnlyList<CapBreach> Check(IReadOnlyList<BudgetLine> lines)
    {
        var currency = Total.Currency;
        var breaches = new List<CapBreach>();
        var supported = Money.Sum(lines.Where(l => l.Category != ServiceCategory.TravelCash).Select(l => l.Amount), currency);
        if (supported > Total)
        {
            breaches.Add(new CapBreach("post-return", Total, supported, $"post-return support over its cap ({TotalExplanation})"));
        }

        var cash = Money.Sum(lines.Where(l => l.Category == ServiceCategory.Cash).Select(l => l.Amount), currency);
        if (Cash is { } cashCap && cash > cashCap)
        {
            breaches.Add(new CapBreach("cash", cashCap, cash, "cash part over its cap"));
        }

        var travel = Money.Sum(lines.Where(l => l.Category == ServiceCategory.TravelCash).Select(l => l.Amount), currency);
        if (travel > TravelCash)
        {
            breaches.Add(new CapBreach("travel-cash", TravelCash, travel, "travel cash over its cap"));
        }

        return breaches;
    }
}
