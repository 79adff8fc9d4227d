namespace SolarDashboard.Core.Control;

/// <summary>The four control APIs of FusionSolar's reference 5.2, and a device's settings (ATESS "modify setting").</summary>
public enum ControlKind { ChargeDischarge, BatteryMode, BatteryConfig, ActivePower, DeviceSetting }
