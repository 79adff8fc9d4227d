namespace SolarDashboard.Sandbox.Simulation;

public sealed record AlarmDefinition(int AlarmId, int CauseId, string Name, int Level, int AlarmType, string Cause, string RepairSuggestion);
