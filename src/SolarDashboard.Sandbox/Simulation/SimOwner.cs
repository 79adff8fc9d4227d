namespace SolarDashboard.Sandbox.Simulation;

public sealed record SimOwner(string UserName, string Password, IReadOnlyList<string> PlantCodes);
