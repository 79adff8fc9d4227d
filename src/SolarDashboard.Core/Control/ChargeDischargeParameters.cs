using System.Text.Json.Serialization;

namespace SolarDashboard.Core.Control;

/// <summary>5.2.1. SOC control (target SOC) or duration control (minutes in [0, 1440]); power in W, signed as documented.</summary>
public sealed record ChargeDischargeParameters(ForcedAction Action, bool SocControl, double? TargetSoc, int? Minutes, int? PowerW) : ControlParameters
{
    [JsonIgnore] public override ControlKind Kind => ControlKind.ChargeDischarge;
}
