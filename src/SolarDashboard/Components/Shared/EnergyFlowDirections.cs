using SolarDashboard.Core.Queries;

namespace SolarDashboard.Components.Shared;

/// <summary>
/// The four legs of an <see cref="EnergyFlow"/> in words. Core's signs: battery positive = charging, grid positive =
/// importing. Below 5 W a leg counts as idle, so measuring noise does not flicker the picture.
/// </summary>
public sealed record EnergyFlowDirections(FlowLeg Pv, FlowLeg Load, FlowLeg Battery, FlowLeg Grid)
{
    private const double Idle = 0.005;

    public static EnergyFlowDirections Of(EnergyFlow flow) => new(
        Leg(flow.PvKw, FlowDirection.In, "", "", ""),
        Leg(flow.LoadKw, FlowDirection.Out, "", "", ""),
        Leg(flow.BatteryKw, FlowDirection.Out, "charging", "discharging", "idle"),
        GridLeg(flow.GridKw));

    /// <summary>The grid leg alone, for places that show only the exchange with the grid.</summary>
    public static FlowLeg GridLeg(double? kw) => Leg(kw, FlowDirection.In, "from grid", "to grid", "balanced");

    // positiveWay: the direction of a positive value; the words name a positive, a negative and an idle value.
    private static FlowLeg Leg(double? kw, FlowDirection positiveWay, string positive, string negative, string idle) => kw switch
    {
        null => new(null, FlowDirection.None, ""),
        > Idle => new(kw, positiveWay, positive),
        < -Idle => new(-kw, positiveWay == FlowDirection.In ? FlowDirection.Out : FlowDirection.In, negative),
        _ => new(Math.Abs(kw.Value), FlowDirection.None, idle),
    };
}
