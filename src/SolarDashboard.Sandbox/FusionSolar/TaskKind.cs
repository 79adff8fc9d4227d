using System.Collections.Concurrent;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

public enum TaskKind { ChargeDischarge, BatteryMode, BatteryConfig, ActivePower }
