namespace SolarDashboard.Sandbox.Simulation;

/// <summary>Device type ids of reference 5.1.1.2.</summary>
public static class DevType
{
    public const int StringInverter = 1;
    public const int SmartLogger = 2;
    public const int Emi = 10;
    public const int GridMeter = 17;
    public const int ResidentialInverter = 38;
    public const int Battery = 39;
    public const int Ess = 41;
    public const int PowerSensor = 47;
    public const int Dongle = 62;
    public const int DistributedSmartLogger = 63;
    public const int Emma = 23070;

    public static bool IsInverter(int type) => type is StringInverter or ResidentialInverter;
}
