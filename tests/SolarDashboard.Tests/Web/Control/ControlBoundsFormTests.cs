using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SolarDashboard.Components.Control;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Users;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>
/// What an operator types into a control field is read as typed: a value outside the selected plants' bounds shows its
/// limit and unit under the field and keeps the review closed. Nothing is clamped to a bound, filtered or guessed.
/// </summary>
public sealed class ControlBoundsFormTests : DashboardTestContext
{
    private static readonly UserAccess Operator = new(1, "Olga Operator", AppRoles.Operator, PlantScope.All);

    /// <summary>A Dongle plant whose battery reports 5 kW maximum charge and 3 kW maximum discharge power.</summary>
    private static readonly PlantControlFacts Home =
        new(1, "Anna's Home", "NE=1", 1, true, null, true, false, ControllerType.Dongle, true, 50, 2, 5000, 3000, 10, null);

    private (IRenderedComponent<TSection> Section, IRenderedComponent<ControlReview> Review) RenderForm<TSection>(ControlForm form) where TSection : ControlSection
    {
        form.Select(Home.PlantId, true);
        var section = Render<TSection>(p => p.Add(c => c.Form, form).Add(c => c.Plants, [Home]));
        var review = Render<ControlReview>(p => p.Add(c => c.Form, form).Add(c => c.Plants, [Home]).Add(c => c.User, Operator));
        return (section, review);
    }

    private static void Type<T>(IRenderedComponent<T> section, IRenderedComponent<ControlReview> review, string field, string text) where T : ControlSection
    {
        section.Find($"input[data-testid={field}]").Change(text);
        review.Render(); // the page re-renders the review on every change of the form
    }

    private static bool ReviewDisabled(IRenderedComponent<ControlReview> review) => review.Find("[data-testid=review-button]").HasAttribute("disabled");

    [Fact]
    public void Two_million_kilowatts_shows_the_batterys_limit_and_the_review_stays_closed()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryConfig);
        var (section, review) = RenderForm<BatteryLimitSettings>(form);
        Assert.False(ReviewDisabled(review));

        Type(section, review, "max-charge-kw", "2000000");

        const string message = "The maximum charge power must be from 0 to 5 kW (the battery's maximum charge power); 2000000 kW is outside.";
        Assert.Contains(message, section.Find(".mud-input-error").ParentElement!.ParentElement!.TextContent);
        Assert.True(ReviewDisabled(review));
        Assert.True(review.Find("[data-testid=add-to-batch]").HasAttribute("disabled"));
        Assert.Equal(message, review.Find("[data-testid=input-problem]").TextContent);

        Type(section, review, "max-charge-kw", "2.5");

        Assert.Empty(section.FindAll(".mud-input-error"));
        Assert.False(ReviewDisabled(review));
        Assert.Equal(2500, ((BatteryLimitParameters)form.Parameters()).MaxChargeW);
    }

    [Theory]
    [InlineData("1e10", "exponent notation")]
    [InlineData("1,5", "use a point for decimals")]
    [InlineData("NaN", "is not a number")]
    [InlineData("Infinity", "is not a number")]
    public void Text_that_is_not_a_plain_number_is_refused_not_read_as_another_number(string text, string reason)
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryConfig);
        var (section, review) = RenderForm<BatteryLimitSettings>(form);

        Type(section, review, "max-charge-kw", text);

        Assert.True(double.IsNaN(form.MaxChargeKw!.Value), $"\"{text}\" was read as {form.MaxChargeKw}");
        Assert.Contains(reason, section.Markup);
        Assert.Equal(text, section.Find("input[data-testid=max-charge-kw]").GetAttribute("value"));
        Assert.True(ReviewDisabled(review));
    }

    [Fact]
    public void A_duration_beyond_1440_minutes_is_not_clamped_to_it()
    {
        var form = new ControlForm(FusionSolarForms.Rules);
        var (section, review) = RenderForm<ChargeDischargeSettings>(form);

        Type(section, review, "minutes", "5000");

        Assert.Equal(5000, form.Minutes);
        Assert.Equal("5000", section.Find("input[data-testid=minutes]").GetAttribute("value"));
        Assert.Contains("The duration must be from 0 to 1440 minutes; 5000 minutes is outside.", section.Markup);
        Assert.True(ReviewDisabled(review));
    }

    [Fact]
    public void A_negative_maximum_is_not_raised_to_zero()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryConfig);
        var (section, review) = RenderForm<BatteryLimitSettings>(form);

        Type(section, review, "max-discharge-kw", "-2");

        Assert.Equal(-2, form.MaxDischargeKw);
        Assert.Contains("The maximum discharge power must be from 0 to 3 kW (the battery's maximum discharge power); -2 kW is outside.", section.Markup);
        Assert.True(ReviewDisabled(review));
    }

    [Fact]
    public void A_feed_in_limit_beyond_the_controllers_range_keeps_the_review_closed()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.ActivePower);
        var (section, review) = RenderForm<FeedInSettings>(form);

        Type(section, review, "feed-kw", "10.5");

        Assert.Contains("The maximum feed-in power must be from -10 to 10 kW (the plant's rated power); 10.5 kW is outside.", section.Markup);
        Assert.True(ReviewDisabled(review));
    }
}
