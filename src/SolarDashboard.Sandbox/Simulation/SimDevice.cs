namespace SolarDashboard.Sandbox.Simulation;

public sealed record SimDevice(
    long Id,
    string Dn,
    string Name,
    string StationCode,
    string Esn,
    int TypeId,
    string SoftwareVersion,
    string? Model,
    double RatedKw,
    double PvShare,
    int PvStrings,
    int? OptimizerNumber);
