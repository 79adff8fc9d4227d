using MudBlazor;
using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Components.Control;

/// <summary>How control tasks read to an operator: names, chip colours, plant facts in words.</summary>
public static class ControlTexts
{
    /// <summary>A rule's lower-case problem ("the duration must be …") as a sentence of its own.</summary>
    public static string Sentence(string problem) => problem.Length == 0 ? problem : char.ToUpperInvariant(problem[0]) + problem[1..];

    public static string KindName(ControlKind kind) => kind switch
    {
        ControlKind.ChargeDischarge => "Forced charge or discharge",
        ControlKind.BatteryMode => "Battery working mode",
        ControlKind.BatteryConfig => "Battery parameters",
        ControlKind.DeviceSetting => "Device settings",
        _ => "Feed-in limit",
    };

    public static (string Text, Color Color) Status(PlantControlStatus status) => status switch
    {
        PlantControlStatus.Delivering => ("Sending", Color.Info),
        PlantControlStatus.Running => ("Running", Color.Info),
        PlantControlStatus.Success => ("Success", Color.Success),
        PlantControlStatus.Fail => ("Failed", Color.Error),
        PlantControlStatus.Timeout => ("Timed out", Color.Error),
        PlantControlStatus.Unknown => ("Unknown", Color.Warning),
        PlantControlStatus.Rejected => ("Refused", Color.Error),
        _ => ("Not delivered", Color.Warning),
    };

    public static (string Text, Color Color) TaskState(ControlTaskState state) => state switch
    {
        ControlTaskState.Delivering => ("Sending", Color.Info),
        ControlTaskState.Running => ("Running", Color.Info),
        ControlTaskState.Unknown => ("Outcome unknown", Color.Warning),
        _ => ("Finished", Color.Default),
    };

    public static (string Text, Color Color)? Effect(string? effect) => effect switch
    {
        "confirmed" => ("Effect seen", Color.Success),
        "not visible" => ("No effect seen", Color.Warning),
        "not measurable" => ("Effect not measurable", Color.Default),
        "pending" => ("Checking effect…", Color.Info),
        _ => null,
    };

    public static string Controller(PlantControlFacts p) => p.Controller switch
    {
        ControllerType.Dongle => "Dongle",
        ControllerType.Emma => "EMMA",
        ControllerType.SmartLogger => "SmartLogger",
        ControllerType.DistributedSmartLogger => "Distributed SmartLogger",
        _ => "Inverter (direct)",
    };

    /// <summary>Where the TOU editor's windows come from, in one sentence.</summary>
    public static string ScheduleSource(PlantControlFacts plant, KnownSchedule? known) => known switch
    {
        { IsReported: true } => $"Starting from {plant.PlantName}'s current schedule, as the plant reports it.",
        { TaskId: { } id, SentAt: { } at } => $"Starting from the schedule last sent to {plant.PlantName}: task #{id}, {ControlTimes.At(at, plant.TimeZoneId)}"
            + (known.Status is { } s ? $" ({Status(s).Text.ToLowerInvariant()})" : "") + $". {VendorName(plant)} does not report the current schedule.",
        _ => $"Starting from an example: {VendorName(plant)} does not report {plant.PlantName}'s current schedule, and none has been sent from here.",
    };

    /// <summary>"Europe/Berlin", or "UTC+02:00" for a zone known only by its offset.</summary>
    public static string ZoneName(string? zone) => zone is null ? "zone unknown" : zone.Contains('/') ? zone : "UTC" + zone;

    private static string VendorName(PlantControlFacts plant) => plant.Vendor.ToString();

    /// <summary>The battery's working mode in its vendor's words.</summary>
    public static string Mode(PlantControlFacts p) => p.BatteryModeText ?? (p.BatteryModeCode is { } code ? $"Unknown state {code}" : "—");
}
