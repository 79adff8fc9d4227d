namespace SolarDashboard.Sandbox.Simulation;

public sealed record BatterySpec(string Model, double CapacityKwh, double MaxChargeKw, double MaxDischargeKw, bool IsLg);
