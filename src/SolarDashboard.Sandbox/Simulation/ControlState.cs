namespace SolarDashboard.Sandbox.Simulation;

public sealed record TouWindow(TimeOnly Start, TimeOnly End, bool Charge, IReadOnlyList<int> Days)
{
    /// <summary>Repeat days use 1 = Monday … 7 = Sunday (reference 5.2.3).</summary>
    public bool Covers(DateTimeOffset local)
    {
        var isoDay = local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek;
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return Days.Contains(isoDay) && time >= Start && time < End;
    }
}

public sealed record WorkingMode(
    string OperationMode,
    string? SurplusPvPriority,
    double? AllowedAcChargeKw,
    IReadOnlyList<TouWindow> Windows,
    bool SetRemotely)
{
    public const string MaxSelfConsumption = "maximumSelfConsumption";
    public const string Tou = "TOU";
    public static readonly WorkingMode Default = new(MaxSelfConsumption, null, null, [], false);
}

public sealed record BatteryLimits(double EndOfChargeSoc, double EndOfDischargeSoc, double MaxChargeKw, double MaxDischargeKw);

public sealed record FeedInLimit(bool Limited, double MaxKw, bool PerPhase)
{
    public static readonly FeedInLimit Unlimited = new(false, 0, false);
}

/// <summary>A forced charge (switch 1) or discharge (switch 2) of reference 5.2.1.</summary>
public sealed record ForcedCommand(int Id, int Switch, int ControlType, double? TargetSoc, int? DurationMinutes, double? PowerKw, DateTimeOffset Start);

public sealed record ControlState(WorkingMode Mode, BatteryLimits Limits, FeedInLimit FeedIn, ForcedCommand? Forced)
{
    /// <summary>Hybrid-system rules (ATESS); null for FusionSolar plants.</summary>
    public SiteRules? Site { get; init; }
}
