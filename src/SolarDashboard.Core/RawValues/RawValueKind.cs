namespace SolarDashboard.Core.RawValues;

/// <summary>How a raw value reads: a number with its unit, a state with a name, or an instant (epoch milliseconds).</summary>
public enum RawValueKind { Number, State, Time }
