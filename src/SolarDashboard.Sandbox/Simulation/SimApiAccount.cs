namespace SolarDashboard.Sandbox.Simulation;

public sealed record SimApiAccount(string UserName, string SystemCode, IReadOnlyList<string> PlantCodes);
