namespace SolarDashboard.Core.Control;

/// <summary>What a forced charge/discharge task does to the battery.</summary>
public enum ForcedAction { Stop = 0, Charge = 1, Discharge = 2 }
