namespace SolarDashboard.Sandbox.Simulation;

/// <summary>The device that carries control commands to a plant (reference 5.2.3 and 5.2.7 ranges depend on it).</summary>
public enum ControllerKind { Dongle, Emma, SmartLogger, DistributedSmartLogger, Inverter }
