using System.Globalization;
using SolarDashboard.Core.Control;

namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>
/// Every documented range and rule of reference 5.2, checked before anything is sent: an invalid form never reaches the
/// vendor. Messages are for the operator, naming the plant.
/// </summary>
public static class ControlRules
{
    /// <summary>Plants per delivery: 100 for charge/discharge (5.2.1), 10 for the settings tasks.</summary>
    public static int MaxPlants(ControlKind kind) => kind == ControlKind.ChargeDischarge ? 100 : 10;

    /// <summary>Problems with one plant's parameters; empty when it may be sent.</summary>
    public static IReadOnlyList<string> Check(ControlParameters parameters, PlantControlFacts plant)
    {
        var problems = new List<string>();
        void Add(string text) => problems.Add($"{plant.PlantName}: {text}");

        if (!plant.ConnectionAllowsControl) Add(plant.ConnectionProblem ?? "its connection does not allow control.");
        if (!plant.ControllerOnline) Add("its controller is offline, so FusionSolar cannot deliver a task to it.");
        if (plant.RunningTaskId is { } running) Add($"task #{running} is still running on it; wait for it to finish.");
        if (parameters.Kind != ControlKind.ActivePower && !plant.HasBattery) Add("it has no battery.");

        switch (parameters)
        {
            case ChargeDischargeParameters c:
                CheckChargeDischarge(c, plant, Add);
                break;
            case BatteryModeParameters m:
                if (plant.IsLgBattery) Add("the working mode cannot be set for LG batteries.");
                CheckMode(m, plant, Add);
                break;
            case BatteryLimitParameters l:
                if (plant.IsLgBattery) Add("battery parameters cannot be set for LG batteries.");
                CheckLimits(l, plant, Add);
                break;
            case FeedInParameters { Limited: true } f:
                Bound(f.MaxFeedInKw, ControlLimits.For(ControlField.FeedInPower, plant), Add, "enter the maximum feed-in power in kW.");
                break;
        }
        return problems;
    }

    private static void CheckChargeDischarge(ChargeDischargeParameters c, PlantControlFacts plant, Action<string> add)
    {
        if (c.Action == ForcedAction.Stop) return;
        if (c.SocControl)
        {
            if (plant.IsLgBattery) add("LG batteries cannot use SOC control; use a duration instead.");
            if (c.TargetSoc is not { } soc) add($"enter the target SOC ({ControlLimits.TargetSoc.Range}).");
            else if (ControlLimits.TargetSoc.Problem(soc) is { } problem) add(problem);
            else if (c.Action == ForcedAction.Charge && plant.SocPercent is { } now && soc <= now) add($"the target SOC ({Num(soc)} %) is not above the current {Num(now)} %.");
            else if (c.Action == ForcedAction.Discharge && plant.SocPercent is { } now2 && soc >= now2) add($"the target SOC ({Num(soc)} %) is not below the current {Num(now2)} %.");
        }
        else
        {
            Bound(c.Minutes, ControlLimits.Duration, add, $"enter the duration ({ControlLimits.Duration.Range}).");
        }
        if (c.PowerW is { } w)
        {
            // powerDispatch: > 0 when charging, < 0 when discharging, within [-max discharge, max charge] (5.2.1).
            if (c.Action == ForcedAction.Charge && w <= 0) add("the charge power must be greater than 0 W.");
            else if (c.Action == ForcedAction.Discharge && w >= 0) add("the discharge power must be below 0 W (discharge is negative).");
            // As a size in kW; through a double, since -int.MinValue does not exist as an int.
            else Bound(Math.Abs((double)w) / 1000, ControlLimits.For(ControlField.ForcedPower, plant, c.Action), add);
        }
    }

    private static void CheckMode(BatteryModeParameters m, PlantControlFacts plant, Action<string> add)
    {
        if (!m.Tou) return;
        if (m.SurplusPriority is null) add("choose what surplus PV power does first (feed the grid or charge the battery).");
        Bound(m.MaxGridChargeKw, ControlLimits.For(ControlField.GridChargePower, plant), add, "enter the maximum power for charging from the grid in kW.");
        if (m.Windows.Count == 0) add("TOU needs at least one charge or discharge window.");
        if (m.Windows.Count > ControlLimits.MaxWindows) add($"at most {ControlLimits.MaxWindows} windows can be set.");
        foreach (var problem in WindowProblems(m.Windows)) add(problem);
    }

    /// <summary>A value within its field's bounds; <paramref name="required"/> names what to enter when it may not be empty.</summary>
    private static void Bound(double? value, FieldLimit limit, Action<string> add, string? required = null)
    {
        if (value is not { } v)
        {
            if (required is not null) add(required);
        }
        else if (limit.Problem(v) is { } problem)
        {
            add(problem);
        }
    }

    /// <summary>Window format, order and repeat days, and no two windows overlapping on the same day (5.2.3).</summary>
    public static IReadOnlyList<string> WindowProblems(IReadOnlyList<TouWindow> windows)
    {
        var problems = new List<string>();
        var parsed = new List<(int Index, TimeOnly Start, TimeOnly End, IReadOnlyList<int> Days)>();
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            var n = i + 1;
            if (!TryTime(w.Start, out var start) || !TryTime(w.End, out var end)) { problems.Add($"window {n}: times must be HH:MM between 00:00 and 23:59."); continue; }
            if (end <= start) { problems.Add($"window {n}: the end ({w.End}) must be after the start ({w.Start})."); continue; }
            if (w.Days.Count == 0) { problems.Add($"window {n}: choose at least one day."); continue; }
            if (!w.Days.All(d => ControlLimits.RepeatDay.Allows(d)) || w.Days.Distinct().Count() != w.Days.Count) { problems.Add($"window {n}: days are 1 (Monday) to 7 (Sunday), each once."); continue; }
            parsed.Add((n, start, end, w.Days));
        }
        for (var a = 0; a < parsed.Count; a++)
            for (var b = a + 1; b < parsed.Count; b++)
            {
                var shared = parsed[a].Days.Intersect(parsed[b].Days).Order().ToList();
                if (shared.Count > 0 && parsed[a].Start < parsed[b].End && parsed[b].Start < parsed[a].End)
                    problems.Add($"windows {parsed[a].Index} and {parsed[b].Index} overlap on {string.Join(", ", shared.Select(DayName))}.");
            }
        return problems;
    }

    private static void CheckLimits(BatteryLimitParameters l, PlantControlFacts plant, Action<string> add)
    {
        if (l.EndOfChargeSoc is null && l.EndOfDischargeSoc is null && l.MaxChargeW is null && l.MaxDischargeW is null) add("set at least one of the four battery parameters.");
        Bound(l.EndOfChargeSoc, ControlLimits.EndOfChargeSoc, add);
        Bound(l.EndOfDischargeSoc, ControlLimits.EndOfDischargeSoc, add);
        Bound(l.MaxChargeW / 1000.0, ControlLimits.For(ControlField.MaxChargePower, plant), add);
        Bound(l.MaxDischargeW / 1000.0, ControlLimits.For(ControlField.MaxDischargePower, plant), add);
    }

    /// <summary>What the task will do, in one sentence per plant, shown before it is sent.</summary>
    public static string Describe(ControlParameters parameters, PlantControlFacts plant) => parameters switch
    {
        ChargeDischargeParameters { Action: ForcedAction.Stop } => "Stop any forced charge or discharge; the battery returns to its working mode.",
        ChargeDischargeParameters c => $"Force the battery to {(c.Action == ForcedAction.Charge ? "charge" : "discharge")} "
            + (c.SocControl ? $"until it reaches {Num(c.TargetSoc ?? 0)} % SOC" : $"for {c.Minutes} minutes")
            + (c.PowerW is { } w ? $" at {Num(Math.Abs(w) / 1000.0)} kW" : " at the default power")
            + (plant.SocPercent is { } soc ? $" (now {Num(soc)} %)" : "") + ". Its working mode stays as it is.",
        BatteryModeParameters { Tou: false } => "Set the battery to maximum self-consumption: PV feeds the home first, surplus charges the battery, the grid never charges it.",
        BatteryModeParameters m => $"Set the battery to time-of-use with {m.Windows.Count} window(s): "
            + string.Join("; ", m.Windows.Select(w => $"{(w.Charge ? "charge" : "discharge")} {w.Start}–{w.End} on {string.Join(", ", w.Days.Order().Select(DayName))}"))
            + $". Surplus PV {(m.SurplusPriority == SurplusPv.Charge ? "charges the battery first" : "is fed to the grid first")}; the grid may charge at up to {Num(m.MaxGridChargeKw ?? 0)} kW.",
        BatteryLimitParameters l => "Set " + string.Join(", ", new[]
        {
            l.EndOfChargeSoc is { } c ? $"end-of-charge SOC {Num(c)} %" : null,
            l.EndOfDischargeSoc is { } d ? $"end-of-discharge SOC {Num(d)} %" : null,
            l.MaxChargeW is { } mc ? $"maximum charge power {Num(mc / 1000.0)} kW" : null,
            l.MaxDischargeW is { } md ? $"maximum discharge power {Num(md / 1000.0)} kW" : null,
        }.Where(x => x is not null)) + ".",
        FeedInParameters { Limited: false } => "Remove the feed-in limit: the inverters may feed in at rated power.",
        FeedInParameters f => $"Limit feed-in to the grid to {Num(f.MaxFeedInKw ?? 0)} kW ({(f.PerPhase ? "per phase" : "in total")}); PV beyond that is curtailed.",
        _ => parameters.ToString(),
    };

    public static string ControllerName(ControllerType c) => c switch
    {
        ControllerType.Dongle => "a Dongle",
        ControllerType.Emma => "an EMMA",
        ControllerType.SmartLogger => "a SmartLogger",
        ControllerType.DistributedSmartLogger => "a distributed SmartLogger",
        _ => "inverters connected directly",
    };

    public static string DayName(int day) => day switch { 1 => "Mon", 2 => "Tue", 3 => "Wed", 4 => "Thu", 5 => "Fri", 6 => "Sat", 7 => "Sun", _ => "?" };

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string Num(double v) => FieldLimit.Num(v);
}
