namespace SolarDashboard.Sandbox.Simulation;

public sealed record ActiveAlarm(AlarmDefinition Definition, SimDevice Device, SimPlant Plant, DateTimeOffset RaisedAt, DateTimeOffset ClearsAt);
