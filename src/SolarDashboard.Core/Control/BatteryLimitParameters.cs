using System.Text.Json.Serialization;

namespace SolarDashboard.Core.Control;

/// <summary>5.2.5: at least one of end-of-charge SOC [90, 100], end-of-discharge SOC [0, 20], max charge and discharge power (W).</summary>
public sealed record BatteryLimitParameters(double? EndOfChargeSoc, double? EndOfDischargeSoc, int? MaxChargeW, int? MaxDischargeW) : ControlParameters
{
    [JsonIgnore] public override ControlKind Kind => ControlKind.BatteryConfig;
}
