using Bunit;
using SolarDashboard.Components.DeviceSettings;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Tests.Web.DeviceSettings;

/// <summary>The settings list: known settings get an input with their range; one the catalogue does not know is read-only.</summary>
public sealed class SettingsTableTests : MudTestContext
{
    private static readonly DeviceSetting Cutoff = new("chargeCutoffSoc", "Charge cut-off SOC", "%", 100, new FieldLimit("charge cut-off SOC", "%", 50, 100, "s", Whole: true));
    private static readonly DeviceSetting Unknown = new("fanMode", "fanMode", null, 2, null);

    [Fact]
    public void A_setting_the_catalogue_does_not_know_is_shown_read_only_with_its_value()
    {
        var cut = Render<SettingsTable>(p => p.Add(x => x.Form, new DeviceSettingsForm([Cutoff, Unknown])).Add(x => x.Editable, true));

        Assert.Equal("2", cut.Find("[data-testid=setting-now-fanMode]").TextContent.Trim());
        Assert.Contains("read-only", cut.Find("[data-testid=setting-row-fanMode]").TextContent);
        Assert.Empty(cut.FindAll("input[data-testid=setting-fanMode]"));
        Assert.Equal("100 %", cut.Find("[data-testid=setting-now-chargeCutoffSoc]").TextContent.Trim());
        Assert.Contains("50 to 100 %", cut.Find("[data-testid=setting-row-chargeCutoffSoc]").TextContent);
        Assert.Single(cut.FindAll("input[data-testid=setting-chargeCutoffSoc]"));
    }

    [Fact]
    public void A_value_out_of_range_is_named_under_its_input()
    {
        var form = new DeviceSettingsForm([Cutoff]);
        var cut = Render<SettingsTable>(p => p.Add(x => x.Form, form).Add(x => x.Editable, true));

        cut.Find("input[data-testid=setting-chargeCutoffSoc]").Input("40");

        cut.WaitForAssertion(() => Assert.Contains("40 % is outside", cut.Find("[data-testid=setting-row-chargeCutoffSoc]").TextContent));
        Assert.False(form.CanReview);
    }

    [Fact]
    public void Without_the_right_to_change_no_input_is_offered()
    {
        var cut = Render<SettingsTable>(p => p.Add(x => x.Form, new DeviceSettingsForm([Cutoff])).Add(x => x.Editable, false));

        Assert.Empty(cut.FindAll("input"));
    }
}
