using Bunit;
using SolarDashboard.Components.Control;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>The TOU editor starts from what is known of the plant's schedule, says where it came from, and never overwrites an edit.</summary>
public sealed class ControlScheduleStartTests : MudTestContext
{
    private static readonly DateTimeOffset SentAt = new(2026, 6, 17, 5, 5, 0, TimeSpan.Zero);

    private static PlantControlFacts Plant(int id = 1, string zone = "Europe/Berlin") =>
        new(id, $"Plant {id}", $"NE={id}", 1, true, null, true, false, ControllerType.Dongle, true, 50, 2, 5000, 5000, 10, null)
        { Vendor = Vendor.FusionSolar, TimeZoneId = zone };

    private static KnownSchedule LastSent => new(new BatteryModeParameters(true, SurplusPv.Charge, 2.5, [new("22:00", "23:30", true, [6, 7])]), 7, SentAt, PlantControlStatus.Success);

    [Fact]
    public void One_plant_chosen_for_a_working_mode_task_starts_from_the_schedule_last_sent_to_it()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryMode);
        Assert.Null(form.SchedulePlantToLoad);
        form.Select(1, true);
        Assert.Equal(1, form.SchedulePlantToLoad);

        form.StartFrom(Plant(), LastSent);

        Assert.Equal(("22:00", "23:30", true), (form.Windows.Single().Start, form.Windows.Single().End, form.Windows.Single().Charge));
        Assert.Equal((SurplusPv.Charge, 2.5), (form.Surplus, form.GridChargeKw));
        Assert.Equal("Starting from the schedule last sent to Plant 1: task #7, 2026-06-17 07:05 (Europe/Berlin, UTC+02:00) (success). FusionSolar does not report the current schedule.",
            form.ScheduleNote);
        Assert.Null(form.SchedulePlantToLoad);
    }

    [Fact]
    public void Without_a_known_schedule_the_example_is_used_and_said_to_be_one()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryMode);
        form.Select(1, true);

        form.StartFrom(Plant(), null);

        Assert.Equal(["01:00", "17:00"], form.Windows.Select(w => w.Start));
        Assert.StartsWith("Starting from an example: FusionSolar does not report Plant 1's current schedule", form.ScheduleNote);
    }

    [Fact]
    public void A_reported_schedule_wins_and_is_named_as_the_current_one()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryMode);
        form.Select(1, true);

        form.StartFrom(Plant(), new KnownSchedule(LastSent.Mode, null, null, null));

        Assert.Equal("Starting from Plant 1's current schedule, as the plant reports it.", form.ScheduleNote);
    }

    [Fact]
    public void Edited_windows_are_never_replaced_by_another_plants_schedule()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryMode);
        form.Select(1, true);
        form.StartFrom(Plant(), LastSent);
        form.Windows[0].End = "23:45";

        form.Select(1, false);
        form.Select(2, true);

        Assert.Null(form.SchedulePlantToLoad);
        Assert.Equal("23:45", form.Windows[0].End);
    }

    [Fact]
    public void The_editor_labels_times_with_the_plants_zone_and_adds_a_valid_window()
    {
        var form = new ControlForm(FusionSolarForms.Rules, ControlKind.BatteryMode);
        form.Select(1, true);
        form.StartFrom(Plant(), LastSent);
        var section = Render<BatteryModeSettings>(p => p.Add(c => c.Form, form).Add(c => c.Plants, [Plant()]));

        Assert.Contains("Times are in plant time, Europe/Berlin.", section.Markup);
        Assert.Contains("task #7", section.Find("[data-testid=schedule-source]").TextContent);
        section.Find("[data-testid=tou-add]").Click();

        Assert.Equal(2, form.Windows.Count);
        Assert.Equal(("00:00", "02:00", false), (form.Windows[1].Start, form.Windows[1].End, form.Windows[1].Charge));
        Assert.Empty(section.FindAll("[data-testid=tou-problem]"));
    }
}
