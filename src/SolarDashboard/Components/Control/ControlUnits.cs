using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Components.Control;

/// <summary>
/// kW on the form, W on the wire (reference 5.2). A value that cannot be sent exactly is refused, never clamped:
/// a cast would silently stop at int.MaxValue.
/// </summary>
public static class ControlUnits
{
    public static bool TryWatts(double kw, out int watts)
    {
        watts = 0;
        if (!double.IsFinite(kw)) return false;
        var w = Math.Round(kw * 1000, MidpointRounding.AwayFromZero);
        if (w is > int.MaxValue or < int.MinValue) return false;
        watts = (int)w;
        return true;
    }

    /// <summary>A whole number that fits an int (minutes): a fraction, NaN or an overflow is refused, never truncated.</summary>
    public static bool TryWhole(double value, out int whole)
    {
        whole = 0;
        if (!double.IsFinite(value) || Math.Floor(value) != value || value is > int.MaxValue or < int.MinValue) return false;
        whole = (int)value;
        return true;
    }

    public static double Kilowatts(double watts) => watts / 1000;

    /// <summary>powerDispatch of 5.2.1 from a power entered as a size: charging positive, discharging negative.</summary>
    public static int Dispatch(ForcedAction action, int watts) => action == ForcedAction.Discharge ? -watts : watts;
}
