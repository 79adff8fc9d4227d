namespace SolarDashboard.Sandbox.Simulation;

public enum PlantKind { Residential, Commercial }
