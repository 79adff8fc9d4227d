using System.Globalization;

namespace SolarDashboard.Core.Control;

/// <summary>
/// The documented bounds of one numeric control field, in the unit the operator types (kW, %, minutes), with the vendor
/// reference section they come from. The form and the server-side rules both ask it, so a value is refused the same way
/// wherever it enters. A value is refused, never clamped: NaN, ±∞ and anything outside [<see cref="Min"/>, <see cref="Max"/>]
/// have no meaning to send.
/// </summary>
/// <param name="Name">The field in words, lower case ("maximum charge power").</param>
/// <param name="Unit">The unit the bounds and the operator use ("kW", "%", "minutes").</param>
/// <param name="Section">The vendor reference section documenting the range ("5.2.5").</param>
/// <param name="Source">Where a plant-dependent bound comes from ("the battery's own maximum"); null for a fixed range.</param>
/// <param name="Whole">Only whole numbers (the wire type is an integer of this unit).</param>
public sealed record FieldLimit(string Name, string Unit, double Min, double Max, string Section, string? Source = null, bool Whole = false)
{
    /// <summary>Why the bound is not known (the plant has not reported what it depends on): every value is then refused.</summary>
    public string? Missing { get; init; }

    public bool Allows(double value) => Problem(value) is null;

    /// <summary>What is wrong with <paramref name="value"/>, as a lower-case sentence naming the limit and unit; null when it may be sent.</summary>
    public string? Problem(double value)
    {
        if (Missing is not null) return $"the {Name} cannot be checked: {Missing}";
        if (Min > Max) return $"the {Name} has no range that suits every selected plant; choose them separately.";
        if (double.IsNaN(value)) return $"the {Name} must be a number from {Range}.";
        if (value < Min || value > Max) return $"the {Name} must be from {Range}; {Num(value)} {Unit} is outside.";
        if (Whole && Math.Floor(value) != value) return $"the {Name} must be a whole number of {Unit} from {Range}.";
        return null;
    }

    /// <summary>"0 to 5 kW (the battery's own maximum)": the bounds with their unit and source.</summary>
    public string Range => $"{Num(Min)} to {Num(Max)} {Unit}" + (Source is null ? "" : $" ({Source})");

    /// <summary>The bounds every one of <paramref name="limits"/> accepts (the first missing one wins); null when there are none.</summary>
    public static FieldLimit? Common(IEnumerable<FieldLimit> limits)
    {
        var all = limits.ToList();
        if (all.Count == 0) return null;
        if (all.Count == 1) return all[0];
        var sources = all.Select(l => l.Source).Distinct().ToList();
        return all[0] with
        {
            Min = all.Max(l => l.Min),
            Max = all.Min(l => l.Max),
            Source = sources.Count == 1 ? sources[0] : "for every selected plant",
            Missing = all.Select(l => l.Missing).FirstOrDefault(m => m is not null),
        };
    }

    /// <summary>Invariant, without exponent for ordinary sizes and without hundreds of digits for absurd ones.</summary>
    public static string Num(double value) => Math.Abs(value) < 1e12
        ? value.ToString("0.###", CultureInfo.InvariantCulture)
        : value.ToString("0.###E+0", CultureInfo.InvariantCulture);
}
