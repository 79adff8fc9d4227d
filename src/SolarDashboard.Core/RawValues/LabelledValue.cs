namespace SolarDashboard.Core.RawValues;

/// <summary>A raw value with its vendor's label and unit; <see cref="StateText"/> names it when it is a state.</summary>
public sealed record LabelledValue(string Key, string Label, string Unit, RawValueKind Kind, double? Value, string? StateText);
