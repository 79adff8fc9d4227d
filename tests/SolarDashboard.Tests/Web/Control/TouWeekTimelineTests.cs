using Bunit;
using SolarDashboard.Components.Control;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>The week timeline and the window editor mark windows that overlap on a shared day, and only those.</summary>
public sealed class TouWeekTimelineTests : MudTestContext
{
    [Fact]
    public void Overlapping_windows_are_outlined_on_the_days_they_share()
    {
        TouWindow[] windows = [new("01:00", "05:00", true, [1, 2]), new("04:00", "08:00", false, [2])];

        var timeline = Render<TouWeekTimeline>(p => p.Add(c => c.Windows, windows));

        var clashes = timeline.FindAll(".sd-tou-seg.clash");
        Assert.Equal(["1", "2"], clashes.Select(s => s.GetAttribute("data-window")));
        Assert.Equal(3, timeline.FindAll(".sd-tou-seg").Count);
        Assert.Contains("(overlaps)", clashes[0].GetAttribute("title"));
    }

    [Fact]
    public void Windows_on_different_days_are_not_marked()
    {
        TouWindow[] windows = [new("01:00", "05:00", true, [1]), new("01:00", "05:00", false, [2])];

        var timeline = Render<TouWeekTimeline>(p => p.Add(c => c.Windows, windows));

        Assert.Empty(timeline.FindAll(".sd-tou-seg.clash"));
        Assert.Equal(2, timeline.FindAll(".sd-tou-seg.discharge, .sd-tou-seg.charge").Count);
    }

    [Fact]
    public void The_editor_names_the_overlap_and_clears_it_when_a_day_is_taken_away()
    {
        var rows = new List<TouWindowRow>
        {
            new() { Start = "01:00", End = "05:00", Charge = true, Days = [1, 2] },
            new() { Start = "04:00", End = "08:00", Charge = false, Days = [2] },
        };
        var changes = 0;
        var editor = Render<TouWindowEditor>(p => p.Add(c => c.Rows, rows).Add(c => c.Rules, FusionSolarForms.Rules).Add(c => c.Changed, () => changes++));

        Assert.Equal("Windows 1 and 2 overlap on Tue.", editor.Find("[data-testid=tou-problem]").TextContent);
        Assert.Equal(2, editor.FindAll(".sd-tou-seg.clash").Count);

        editor.FindAll("[data-testid=tou-window]")[0].QuerySelectorAll(".sd-day")[1].Click(); // Tue off for window 1

        Assert.Equal([1], rows[0].Days);
        Assert.Equal(1, changes);
        Assert.Empty(editor.FindAll("[data-testid=tou-problem]"));
        Assert.Empty(editor.FindAll(".sd-tou-seg.clash"));
    }

    [Fact]
    public void A_time_typed_in_the_editor_moves_the_window_and_can_create_an_overlap()
    {
        var rows = new List<TouWindowRow>
        {
            new() { Start = "01:00", End = "05:00", Charge = true, Days = [1] },
            new() { Start = "06:00", End = "08:00", Charge = false, Days = [1] },
        };
        var editor = Render<TouWindowEditor>(p => p.Add(c => c.Rows, rows).Add(c => c.Rules, FusionSolarForms.Rules));
        Assert.Empty(editor.FindAll(".sd-tou-seg.clash"));

        editor.FindAll("[data-testid=tou-end]")[0].Change("07:00:00");

        Assert.Equal("07:00", rows[0].End);
        Assert.Equal(2, editor.FindAll(".sd-tou-seg.clash").Count);
    }
}
