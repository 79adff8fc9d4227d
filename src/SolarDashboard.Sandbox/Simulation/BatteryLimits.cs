namespace SolarDashboard.Sandbox.Simulation;

public sealed record BatteryLimits(double EndOfChargeSoc, double EndOfDischargeSoc, double MaxChargeKw, double MaxDischargeKw);
