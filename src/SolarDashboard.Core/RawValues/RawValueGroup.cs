namespace SolarDashboard.Core.RawValues;

/// <summary>Raw values shown together ("AC", "Battery", "Energy counters"), sorted by label.</summary>
public sealed record RawValueGroup(string Name, IReadOnlyList<LabelledValue> Values);
