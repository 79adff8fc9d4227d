using SolarDashboard.Components.Control;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>What an operator types is read strictly and in the invariant culture, or refused with a reason; never guessed at.</summary>
public sealed class ControlNumberTests
{
    [Theory]
    [InlineData("2.5", 2.5)]
    [InlineData(" 3 ", 3.0)]
    [InlineData("-1000", -1000.0)]
    [InlineData("+7", 7.0)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("2000000", 2_000_000.0)]
    [InlineData("0.001", 0.001)]
    public void Plain_decimal_numbers_are_read_as_written(string text, double expected)
    {
        Assert.True(ControlNumber.TryRead(text, out var value, out var problem), problem);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_field_is_no_value(string? text)
    {
        Assert.True(ControlNumber.TryRead(text, out var value, out _));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("1e10", "exponent notation")]
    [InlineData("1E10", "exponent notation")]
    [InlineData("1e-3", "exponent notation")]
    [InlineData("1,5", "use a point for decimals")]
    [InlineData("1,000", "no thousands separators")]
    [InlineData("NaN", "is not a number")]
    [InlineData("Infinity", "is not a number")]
    [InlineData("-Infinity", "is not a number")]
    [InlineData("∞", "is not a number")]
    [InlineData("0x10", "is not a number")]
    [InlineData("1.2.3", "is not a number")]
    [InlineData("--1", "is not a number")]
    [InlineData("١٢", "is not a number")]
    [InlineData("5 kW", "is not a number")]
    public void Anything_but_a_plain_decimal_is_refused_with_the_reason(string text, string reason)
    {
        Assert.False(ControlNumber.TryRead(text, out var value, out var problem));
        Assert.Null(value);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void A_number_too_large_for_a_double_is_refused_not_read_as_infinity()
    {
        Assert.False(ControlNumber.TryRead("1" + new string('0', 400), out var value, out var problem));
        Assert.Null(value);
        Assert.Contains("too large", problem);
    }

    [Theory]
    [InlineData(2_000_000.0, "2000000")]
    [InlineData(0.0005, "0.0005")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(double.NaN, "NaN")]
    public void Values_are_shown_back_invariant_and_never_in_exponent_notation(double value, string shown) =>
        Assert.Equal(shown, ControlNumber.Show(value));
}
