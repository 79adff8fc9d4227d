using Radzen;
using SolarDashboard.Components.Shared;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;
using SolarDashboard.Vendors.FusionSolar.Model;

namespace SolarDashboard.Components.Control;

/// <summary>How control tasks read to an operator: names, badge colours, plant facts in words.</summary>
public static class ControlTexts
{
    public static string KindName(ControlKind kind) => kind switch
    {
        ControlKind.ChargeDischarge => "Forced charge or discharge",
        ControlKind.BatteryMode => "Battery working mode",
        ControlKind.BatteryConfig => "Battery parameters",
        _ => "Feed-in limit",
    };

    public static (string Text, BadgeStyle Style) Status(PlantControlStatus status) => status switch
    {
        PlantControlStatus.Delivering => ("Sending", BadgeStyle.Info),
        PlantControlStatus.Running => ("Running", BadgeStyle.Info),
        PlantControlStatus.Success => ("Success", BadgeStyle.Success),
        PlantControlStatus.Fail => ("Failed", BadgeStyle.Danger),
        PlantControlStatus.Timeout => ("Timed out", BadgeStyle.Danger),
        PlantControlStatus.Unknown => ("Unknown", BadgeStyle.Warning),
        PlantControlStatus.Rejected => ("Refused", BadgeStyle.Danger),
        _ => ("Not delivered", BadgeStyle.Warning),
    };

    public static (string Text, BadgeStyle Style) TaskState(ControlTaskState state) => state switch
    {
        ControlTaskState.Delivering => ("Sending", BadgeStyle.Info),
        ControlTaskState.Running => ("Running", BadgeStyle.Info),
        ControlTaskState.Unknown => ("Outcome unknown", BadgeStyle.Warning),
        _ => ("Finished", BadgeStyle.Light),
    };

    public static (string Text, BadgeStyle Style)? Effect(string? effect) => effect switch
    {
        "confirmed" => ("Effect seen", BadgeStyle.Success),
        "not visible" => ("No effect seen", BadgeStyle.Warning),
        "not measurable" => ("Effect not measurable", BadgeStyle.Light),
        "pending" => ("Checking effect…", BadgeStyle.Info),
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

    public static string Mode(PlantControlFacts p) => p.BatteryModeCode is { } code ? FusionSolarStates.ChargeDischargeModes.GetValueOrDefault(code, $"Unknown state {code}") : "—";
}
