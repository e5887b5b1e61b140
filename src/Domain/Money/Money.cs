using System.Globalization;

namespace Reintegration.Domain;

/// <summary>An amount in a currency. Never a double: budgets are real money.</summary>
public readonly record struct Money(decimal Amount, Currency Currency)
{
    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + Same(a, b).Amount, a.Currency);

    public static Money operator -(Money a, Money b) => new(a.Amount - Same(a, b).Amount, a.Currency);

    public static Money operator *(Money a, int factor) => new(a.Amount * factor, a.Currency);

    public static bool operator >(Money a, Money b) => a.Amount > Same(a, b).Amount;

    public static bool operator <(Money a, Money b) => a.Amount < Same(a, b).Amount;

    public static bool operator >=(Money a, Money b) => a.Amount >= Same(a, b).Amount;

    public static bool operator <=(Money a, Money b) => a.Amount <= Same(a, b).Amount;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Multiply(int factor) => this * factor;

    public int CompareTo(Money other) => Amount.CompareTo(Same(this, other).Amount);

    public static Money Sum(IEnumerable<Money> amounts, Currency currency) =>
        amounts.Aggregate(Zero(currency), (total, next) => total + next);

    /// <summary>"DKK 80,000" — the form the programmes' rules are written in.</summary>
    public override string ToString() =>
        $"{Currency} {Amount.ToString(Amount == decimal.Truncate(Amount) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture)}";

    private static Money Same(Money a, Money b) =>
        a.Currency == b.Currency
            ? b
            : throw new InvalidOperationException($"Cannot combine {a.Currency} with {b.Currency}.");
}
