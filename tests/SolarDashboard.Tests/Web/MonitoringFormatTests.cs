using SolarDashboard.Components.Shared;

namespace SolarDashboard.Tests.Web;

/// <summary>What the monitoring pages print for states, enums, units, missing values and ages.</summary>
public sealed class MonitoringFormatTests
{
    [Theory]
    [InlineData("inverter_state", 512.0, 38, "Grid-connected")]
    [InlineData("inverter_state", 40960.0, 1, "Standby: no irradiation")]
    [InlineData("inverter_state", 12345.0, 1, "Unknown state 12345")]
    [InlineData("battery_status", 2.0, 39, "Running")]
    [InlineData("ch_discharge_model", 9.0, 39, "Remote scheduling: TOU")]
    [InlineData("active_power", 3.456, 38, "3.46 kW")]
    [InlineData("active_power", -1200.0, 47, "-1,200.0 W")]
    [InlineData("battery_soc", 68.0, 39, "68.00 %")]
    [InlineData("pv2_u", 575.3, 1, "575.3 V")]
    [InlineData("total_cap", null, 1, "—")]
    public void Telemetry_values_read_with_their_names_units_and_states(string key, double? value, int type, string expected) =>
        Assert.Equal(expected, KpiCatalog.Text(key, value, type));

    [Fact]
    public void Unknown_keys_are_kept_under_other_with_their_own_name()
    {
        var info = KpiCatalog.For("brand_new_kpi");
        Assert.Equal(("Other", "brand_new_kpi"), (info.Group, info.Name));
        Assert.Equal("PV12 input current", KpiCatalog.For("pv12_i").Name);
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData(double.NaN, "—")]
    [InlineData(12.345, "12.3 kWh")]
    [InlineData(17440.0, "17.44 MWh")]
    public void Energy_reads_in_sensible_units(double? kwh, string expected) => Assert.Equal(expected, Format.Kwh(kwh));

    [Theory]
    [InlineData(-0.001, "0.00 kW")]
    [InlineData(-0.004, "0.00 kW")]
    [InlineData(-0.006, "-0.01 kW")]
    public void A_value_that_rounds_to_zero_never_reads_minus_zero(double kw, string expected) => Assert.Equal(expected, Format.Kw(kw));

    [Fact]
    public void Ages_read_in_words()
    {
        var now = new DateTimeOffset(2026, 6, 17, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("just now", Format.Age(now.AddSeconds(-20), now));
        Assert.Equal("7 min ago", Format.Age(now.AddMinutes(-7), now));
        Assert.Equal("1 day ago", Format.Age(now.AddHours(-25), now));
        Assert.Equal("no data yet", Format.Age(null, now));
        Assert.Equal("2026-06-17 14:00 UTC+02:00", Format.PlantTime(now, "+02:00"));
    }

    [Theory]
    [InlineData(1, "Critical")]
    [InlineData(2, "Major")]
    [InlineData(3, "Minor")]
    [InlineData(4, "Warning")]
    public void Each_severity_has_its_own_word_and_the_two_worst_their_own_colours(int level, string word)
    {
        Assert.Equal(word, Format.Severity(level));
        Assert.Equal(level <= 2, Format.SeverityColor(level) is MudBlazor.Color.Error or MudBlazor.Color.Warning);
    }
}
