using System.Text.Json.Serialization;

namespace SolarDashboard.Core.Control;

/// <summary>5.2.3: maximum self-consumption, or TOU with surplus-PV priority, max grid charge power (kW) and up to 14 windows.</summary>
public sealed record BatteryModeParameters(bool Tou, SurplusPv? SurplusPriority, double? MaxGridChargeKw, IReadOnlyList<TouWindow> Windows) : ControlParameters
{
    [JsonIgnore] public override ControlKind Kind => ControlKind.BatteryMode;

    public static BatteryModeParameters MaximumSelfConsumption { get; } = new(false, null, null, []);
}
