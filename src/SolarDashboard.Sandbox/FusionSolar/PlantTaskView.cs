using System.Collections.Concurrent;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>What a query answers for one plant at one instant.</summary>
public sealed record PlantTaskView(PlantTask Task, PlantTaskStatus Status, string? Message, DateTimeOffset? End, double? Kwh);
