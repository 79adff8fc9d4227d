namespace SolarDashboard.Core.Control;

/// <summary>The controller that networks the plant (5.2.3, 5.2.7), found from the device list.</summary>
public enum ControllerType { Dongle, Emma, SmartLogger, DistributedSmartLogger, Inverter }
