using SolarDashboard.Components.DeviceSettings;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Tests.Web.DeviceSettings;

/// <summary>The settings form: only changed values are sent, each checked against its range as typed, and an edit voids the review.</summary>
public sealed class DeviceSettingsFormTests
{
    private static readonly DeviceSetting Cutoff = new("chargeCutoffSoc", "Charge cut-off SOC", "%", 100, new FieldLimit("charge cut-off SOC", "%", 50, 100, "s", Whole: true));
    private static readonly DeviceSetting Power = new("maxChargePower", "Maximum charge power", "kW", 150, new FieldLimit("maximum charge power", "kW", 0, 150, "s"));
    private static readonly DeviceSetting Unknown = new("fanMode", "fanMode", null, 2, null);

    private static DeviceSettingsForm Form() => new([Cutoff, Power, Unknown]);

    [Fact]
    public void Only_the_values_that_differ_from_the_current_ones_are_changes()
    {
        var form = Form();
        form.Type("chargeCutoffSoc", "90");
        form.Type("maxChargePower", "150");

        Assert.Equal(new Dictionary<string, double> { ["chargeCutoffSoc"] = 90 }, form.Changes());
        Assert.True(form.CanReview);
    }

    [Fact]
    public void A_value_outside_its_range_or_not_a_number_is_named_and_blocks_the_review()
    {
        var form = Form();
        form.Type("chargeCutoffSoc", "40");
        form.Type("maxChargePower", "lots");

        Assert.Equal("The charge cut-off SOC must be from 50 to 100 %; 40 % is outside.", form.Problem(Cutoff));
        Assert.Equal("Enter a number (0 to 150 kW).", form.Problem(Power));
        Assert.False(form.CanReview);
    }

    [Fact]
    public void A_decimal_comma_is_read_as_a_point()
    {
        var form = Form();
        form.Type("maxChargePower", "12,5");

        Assert.Equal(12.5, form.Changes()["maxChargePower"]);
    }

    [Fact]
    public void A_read_only_setting_is_never_a_change_and_nothing_typed_means_no_review()
    {
        var form = Form();
        form.Type("fanMode", "3");

        Assert.Empty(form.Changes());
        Assert.False(form.CanReview);
        Assert.Null(form.Problem(Unknown));
    }

    [Fact]
    public void Typing_voids_the_review_and_the_request_key_stays_for_the_form()
    {
        var form = Form();
        var key = form.RequestKey;
        form.Review = new ControlPlan([], []);

        form.Type("chargeCutoffSoc", "95");

        Assert.Null(form.Review);
        Assert.Equal(key, form.RequestKey);
    }
}
