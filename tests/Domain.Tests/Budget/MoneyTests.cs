namespace Reintegration.Domain.Tests.Budget;

public class MoneyTests
{
    [Fact]
    public void Adding_different_currencies_is_an_error() =>
        Should.Throw<InvalidOperationException>(() => new Money(1m, Currency.DKK) + new Money(1m, Currency.EUR));

    [Fact]
    public void Money_prints_as_the_rules_are_written()
    {
        new Money(80000m, Currency.DKK).ToString().ShouldBe("DKK 80,000");
        new Money(615.5m, Currency.EUR).ToString().ShouldBe("EUR 615.50");
    }

    [Theory]
    [InlineData("DKK", true)]
    [InlineData("EUR", true)]
    [InlineData("eur", false)]
    [InlineData("USD", false)]
    [InlineData("1", false)]
    [InlineData(null, false)]
    public void Currency_codes_parse_strictly(string? code, bool ok) => CurrencyCode.TryParse(code, out _).ShouldBe(ok);
}
