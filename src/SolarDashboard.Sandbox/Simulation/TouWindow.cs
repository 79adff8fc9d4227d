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
