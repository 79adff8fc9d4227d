using Bunit;
using SolarDashboard.Components.Control;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Tests.Web.Control;

/// <summary>A task's page in words and in plant time: what was sent, and when each step happened, with the zone named.</summary>
public sealed class TaskPageTextTests : MudTestContext
{
    private static ControlTaskPlant Sent(ControlParameters parameters) => new()
    {
        TaskId = 1, PlantId = 1, PlantName = "Clara's Home", PlantCode = "NE=1", ParametersJson = ControlJson.Write(parameters), Status = PlantControlStatus.Success,
    };

    [Fact]
    public void A_plant_card_says_what_was_sent_in_words_not_json()
    {
        var card = Render<TaskPlantCard>(p => p.Add(c => c.Plant, Sent(new ChargeDischargeParameters(ForcedAction.Charge, true, 80, null, 3000)))
            .Add(c => c.Kind, ControlKind.ChargeDischarge).Add(c => c.TimeZoneId, "Europe/Berlin"));

        Assert.Equal("Settings sent: Forced charge at 3.0 kW until 80 % SOC.", card.Find("[data-testid=sent-settings]").TextContent.Trim());
        Assert.DoesNotContain("{", card.Markup);
    }

    [Fact]
    public void Tou_windows_on_a_plant_card_are_labelled_as_plant_time()
    {
        var card = Render<TaskPlantCard>(p => p.Add(c => c.Plant, Sent(new BatteryModeParameters(true, SurplusPv.FeedToGrid, 3, [new("01:00", "05:00", true, [1, 2, 3, 4, 5, 6, 7])])))
            .Add(c => c.Kind, ControlKind.BatteryMode).Add(c => c.TimeZoneId, "Europe/Berlin"));

        Assert.EndsWith("(times in plant time, Europe/Berlin).", card.Find("[data-testid=sent-settings]").TextContent.Trim());
    }

    [Fact]
    public void The_audit_trail_is_in_plant_time_with_its_zone_not_utc()
    {
        var at = new DateTimeOffset(2026, 1, 15, 23, 30, 5, TimeSpan.Zero);
        var trail = Render<AuditTrail>(p => p.Add(c => c.Events, [new ControlTaskEvent { TaskId = 1, At = at, Step = "delivered", Detail = "ok" }])
            .Add(c => c.TimeZoneId, "Europe/Berlin"));

        Assert.Equal("2026-01-16 00:30:05 (Europe/Berlin, UTC+01:00)", trail.Find(".sd-event-when").TextContent.Trim());
    }
}
