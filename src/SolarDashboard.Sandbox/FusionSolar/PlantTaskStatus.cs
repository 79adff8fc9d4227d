using System.Collections.Concurrent;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

public enum PlantTaskStatus { Running, Success, Fail }
