using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.RawValues;
using SolarDashboard.Vendors.FusionSolar.Model;

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
    [InlineData("active_power", -1200.0, 47, "-1.20 kW")]
    [InlineData("active_power", 380.0, 47, "380 W")]
    [InlineData("battery_soc", 68.0, 39, "68.00 %")]
    [InlineData("pv2_u", 575.3, 1, "575.3 V")]
    [InlineData("total_cap", null, 1, "—")]
    public void Telemetry_values_read_with_their_names_units_and_states(string key, double? value, int type, string expected) =>
        Assert.Equal(expected, RawValueText.Of(Labelled(type, key, value)));

    [Fact]
    public void Unknown_keys_are_kept_under_other_with_their_own_name()
    {
        var groups = Catalogues.Label(Vendor.FusionSolar, "38", new Dictionary<string, double?> { ["brand_new_kpi"] = 1.5, ["pv12_i"] = 2, ["active_power"] = 3 });
        Assert.Equal(["AC", "DC / strings", "Other"], groups.Select(g => g.Name));
        var unknown = Assert.Single(groups.Single(g => g.Name == "Other").Values);
        Assert.Equal(("brand_new_kpi", "", "1.50"), (unknown.Label, unknown.Unit, RawValueText.Of(unknown)));
        Assert.Equal("PV12 input current", groups.Single(g => g.Name == "DC / strings").Values.Single().Label);
    }

    [Fact]
    public void A_vendor_without_a_catalogue_has_every_key_shown_as_it_came()
    {
        var groups = new RawValueCatalogues([]).Label(Vendor.Atess, "HPS150HV", new Dictionary<string, double?> { ["ppv"] = 42.5, ["capacity"] = 71 });
        var other = Assert.Single(groups);
        Assert.Equal(["capacity", "ppv"], other.Values.Select(v => v.Label));
        Assert.Equal(["71.00", "42.50"], other.Values.Select(RawValueText.Of));
    }

    private static readonly RawValueCatalogues Catalogues = new([new FusionSolarCatalogue()]);

    private static LabelledValue Labelled(int type, string key, double? value) =>
        Catalogues.Label(Vendor.FusionSolar, type.ToString(System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, double?> { [key] = value })
            .Single().Values.Single();

    [Theory]
    [InlineData(null, "—")]
    [InlineData(double.NaN, "—")]
    [InlineData(12.345, "12.3 kWh")]
    [InlineData(17440.0, "17.44 MWh")]
    public void Energy_reads_in_sensible_units(double? kwh, string expected) => Assert.Equal(expected, Format.Kwh(kwh));

    [Theory]
    [InlineData(-0.0001, "0 W")]
    [InlineData(-0.0004, "0 W")]
    [InlineData(-0.006, "-6 W")]
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
