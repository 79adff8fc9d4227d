using Bunit;
using MudBlazor;
using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Tests.Web;

/// <summary>What the shared components show for stale values, health and severities.</summary>
public sealed class SharedComponentTests : MudTestContext
{
    [Fact]
    public void A_stale_kpi_tile_keeps_its_value_and_is_marked_in_colour_icon_and_words()
    {
        var stale = Render<KpiTile>(p => p.Add(t => t.Label, "Yield today").Add(t => t.Value, "11.8 kWh").Add(t => t.IsStale, true));
        var tile = stale.Find(".sd-kpi");
        Assert.Contains("sd-stale", tile.ClassList);
        Assert.Contains("11.8 kWh", tile.TextContent);
        Assert.Contains("(stale)", tile.TextContent); // read out by screen readers
        Assert.Equal("This value is older than expected", tile.GetAttribute("title"));
        Assert.NotEmpty(stale.FindAll(".sd-stale-icon"));

        var fresh = Render<KpiTile>(p => p.Add(t => t.Label, "Yield today").Add(t => t.Value, "11.8 kWh").Add(t => t.Detail, "total 3.2 MWh"));
        Assert.DoesNotContain("sd-stale", fresh.Find(".sd-kpi").ClassList);
        Assert.DoesNotContain("(stale)", fresh.Markup);
        Assert.Equal("total 3.2 MWh", fresh.Find(".sd-kpi-detail").TextContent);
    }

    [Fact]
    public void A_kpi_value_keeps_its_number_and_unit_together_and_other_text_as_is()
    {
        var energy = Render<KpiTile>(p => p.Add(t => t.Label, "This month").Add(t => t.Value, "655.4 kWh"));
        Assert.Equal("655.4 kWh", energy.Find(".sd-kpi-number").TextContent);
        Assert.Equal(" kWh", energy.Find(".sd-kpi-unit").TextContent);
        var serial = Render<KpiTile>(p => p.Add(t => t.Label, "Firmware").Add(t => t.Value, "V100R002C00SPC211"));
        Assert.Empty(serial.FindAll(".sd-kpi-number"));
        Assert.Equal("V100R002C00SPC211", serial.Find(".sd-kpi-value").TextContent.Trim());
    }

    [Fact]
    public void A_stale_value_is_shown_and_marked_not_hidden()
    {
        var stale = Render<StaleValue>(p => p.Add(v => v.Text, "3.2 kW").Add(v => v.IsStale, true));
        Assert.Contains("3.2 kW", stale.Find(".sd-stale").TextContent);
        Assert.Contains("older than twice the normal refresh interval", stale.Find(".sd-stale").GetAttribute("title"));
        var fresh = Render<StaleValue>(p => p.Add(v => v.Text, "3.2 kW"));
        Assert.Equal("3.2 kW", fresh.Find("span").TextContent);
        Assert.Empty(fresh.FindAll(".sd-stale"));
    }

    [Theory]
    [InlineData(Health.Healthy, "Healthy", Color.Success)]
    [InlineData(Health.Faulty, "Faulty", Color.Error)]
    [InlineData(Health.Disconnected, "Disconnected", Color.Warning)]
    [InlineData(Health.Unknown, "Unknown", Color.Default)]
    public void Health_reads_as_a_word_in_its_colour(Health health, string text, Color color)
    {
        var badge = Render<HealthBadge>(p => p.Add(b => b.Health, health));
        Assert.Equal(text, badge.Find("[data-health]").TextContent.Trim());
        Assert.Equal(color, badge.FindComponent<MudChip<string>>().Instance.Color);
    }

    [Fact]
    public void Alarm_counts_list_only_the_severities_that_occur_most_severe_first()
    {
        var badges = Render<AlarmCountBadges>(p => p.Add(b => b.Counts, new AlarmCounts(1, 0, 2, 0)));
        Assert.Equal(["1 critical", "2 minor"], badges.FindAll("[data-severity]").Select(e => e.TextContent.Trim()));
        Assert.Equal("None", Render<AlarmCountBadges>(p => p.Add(b => b.Counts, new AlarmCounts(0, 0, 0, 0))).Find(".sd-muted").TextContent);
    }

    [Fact]
    public void An_empty_state_shows_its_icon_title_and_sentence()
    {
        var empty = Render<EmptyState>(p => p.Add(e => e.Icon, Icons.Material.Filled.LinkOff).Add(e => e.Title, "No connections yet").Add(e => e.Text, "Connect one."));
        Assert.Equal("No connections yet", empty.Find("h1").TextContent);
        Assert.Equal(Icons.Material.Filled.LinkOff, empty.FindComponent<MudIcon>().Instance.Icon);
    }
}
