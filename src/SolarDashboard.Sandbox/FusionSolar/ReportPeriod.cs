using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

public enum ReportPeriod { Hour, Day, Month, Year }
