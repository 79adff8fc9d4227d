using System.Globalization;

namespace SolarDashboard.Core.Control;

/// <summary>
/// A task's settings in words, as an operator reads them afterwards ("Forced charge at 3.0 kW until 80 % SOC"), for the task
/// page and the history; the same for every vendor. TOU windows are in plant time.
/// </summary>
public static class ControlSettingsText
{
    public static string Describe(ControlParameters parameters) => parameters switch
    {
        ChargeDischargeParameters { Action: ForcedAction.Stop } => "Stop the forced charge or discharge",
        ChargeDischargeParameters c => $"Forced {(c.Action == ForcedAction.Charge ? "charge" : "discharge")} at "
            + (c.PowerW is { } w ? Kw(Math.Abs(w) / 1000.0) : "the default power")
            + (c.SocControl ? $" until {Num(c.TargetSoc ?? 0)} % SOC" : c.Minutes is { } m ? $", for {Duration(m)}" : ""),
        BatteryModeParameters { Tou: false } => "Maximum self-consumption",
        BatteryModeParameters b => "Time of use: "
            + string.Join("; ", b.Windows.Select(w => $"{(w.Charge ? "charge" : "discharge")} {w.Start}–{w.End} {Days(w.Days)}"))
            + $". Surplus PV goes to {(b.SurplusPriority == SurplusPv.Charge ? "the battery" : "the grid")} first; charging from the grid at up to {Kw(b.MaxGridChargeKw ?? 0)}",
        BatteryLimitParameters l => "Battery parameters: " + string.Join(", ", new[]
        {
            l.EndOfChargeSoc is { } c ? $"end-of-charge SOC {Num(c)} %" : null,
            l.EndOfDischargeSoc is { } d ? $"end-of-discharge SOC {Num(d)} %" : null,
            l.MaxChargeW is { } mc ? $"maximum charge power {Kw(mc / 1000.0)}" : null,
            l.MaxDischargeW is { } md ? $"maximum discharge power {Kw(md / 1000.0)}" : null,
        }.Where(x => x is not null)),
        FeedInParameters { Limited: false } => "Feed-in to the grid: unlimited",
        FeedInParameters f => $"Feed-in to the grid limited to {Kw(f.MaxFeedInKw ?? 0)} {(f.PerPhase ? "per phase" : "in total")}",
        DeviceSettingParameters s => $"Settings of device {s.DeviceKey}: " + string.Join(", ", s.Changes.Select(kv => $"{kv.Key} {Num(kv.Value)}")),
        _ => parameters.Kind.ToString(),
    };

    /// <summary>"2 h", "90 min" reads worse than "1 h 30 min"; "0 min" stays as it is.</summary>
    public static string Duration(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => $"{m} min",
        (var h, 0) => $"{h} h",
        (var h, var m) => $"{h} h {m} min",
    };

    /// <summary>"every day", "Mon–Fri", "Sat, Sun", "Mon, Wed–Fri": runs of three or more days as a range.</summary>
    public static string Days(IReadOnlyList<int> days)
    {
        var sorted = days.Distinct().Order().ToList();
        if (sorted.Count == 7) return "every day";
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            if (j - i >= 2) parts.Add($"{TouWindow.DayName(sorted[i])}–{TouWindow.DayName(sorted[j])}");
            else parts.AddRange(sorted[i..(j + 1)].Select(TouWindow.DayName));
            i = j + 1;
        }
        return "on " + string.Join(", ", parts);
    }

    private static string Kw(double kw) => kw.ToString("0.0##", CultureInfo.InvariantCulture) + " kW";

    private static string Num(double v) => FieldLimit.Num(v);
}
