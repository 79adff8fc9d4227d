using System.Text.Json.Serialization;

namespace SolarDashboard.Core.Control;

/// <summary>5.2.7: unlimited, or limited feed-in (kW) for the total or per phase.</summary>
public sealed record FeedInParameters(bool Limited, double? MaxFeedInKw, bool PerPhase) : ControlParameters
{
    [JsonIgnore] public override ControlKind Kind => ControlKind.ActivePower;
}
