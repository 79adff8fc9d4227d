namespace SolarDashboard.Sandbox.Atess;

/// <summary>A datalog and the hardware behind it. Bound to at most one plant; guarded by the fleet's lock.</summary>
internal sealed class AtessDataLog
{
    public required string Sn { get; init; }
    public required string Firmware { get; init; }
    public required AtessKit Kit { get; init; }
    public required IReadOnlyList<AtessDevice> Devices { get; init; }

    public long? PlantId { get; set; }
    public DateTimeOffset? BoundAt { get; set; }

    /// <summary>How many times it has been bound (each binding is a fresh simulated installation).</summary>
    public int Bindings { get; set; }

    /// <summary>The systems of the current binding; empty while unbound.</summary>
    public IReadOnlyList<AtessSystem> Systems { get; set; } = [];

    /// <summary>Periods without contact: rows after <c>From</c> and before <c>To</c> never arrive. An open period means lost now.</summary>
    public List<(DateTimeOffset From, DateTimeOffset? To)> LostPeriods { get; } = [];

    public bool Lost => LostPeriods.Count > 0 && LostPeriods[^1].To is null;
}
