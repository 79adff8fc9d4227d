namespace SolarDashboard.Sandbox.Atess;

/// <summary>One writable setting: its key on the wire, unit, whether it is a whole number, and its range and default for a system.</summary>
internal sealed record SettingDef(
    string Key,
    string Unit,
    bool Integer,
    Func<SystemSpec, double> Min,
    Func<SystemSpec, double> Max,
    Func<SystemSpec, double> Default);
