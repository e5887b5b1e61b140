using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Budget;

/// <summary>
/// What every amount a person enters must be, whichever way it reaches the decider: not negative, in whole cents, and
/// at most <see cref="Ceiling"/>, far above any programme's cap, so that no sum of a case's amounts can overflow.
/// </summary>
public static class AmountRules
{
    /// <summary>The largest amount one field may hold (the API's limit too).</summary>
    public const decimal Ceiling = 100_000_000m;

    /// <summary>Why <paramref name="amount"/> cannot be taken, naming <paramref name="field"/>; null if it can.</summary>
    public static Rejection? Check(Money amount, string field)
    {
        if (amount.Amount < 0)
        {
            return new("amount-negative", $"{field} is {amount}: an amount cannot be negative.", field);
        }

        if (decimal.Round(amount.Amount, 2) != amount.Amount)
        {
            return new("amount-too-precise", $"{field} is {amount.Amount}: an amount has at most 2 decimals.", field);
        }

        return amount.Amount > Ceiling
            ? new("amount-too-large", $"{field} is over the largest amount accepted, {Ceiling:#,0}.", field)
            : null;
    }
}
