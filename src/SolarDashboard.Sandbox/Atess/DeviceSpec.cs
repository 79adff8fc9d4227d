namespace SolarDashboard.Sandbox.Atess;

/// <summary>One device of a kit: its family, model, RS-485 address and, for PV converters, how its PV is split over inputs.</summary>
internal sealed record DeviceSpec(
    AtessFamily Family,
    string Model,
    int SystemNo,
    int Address,
    int DeviceNo,
    string Firmware,
    IReadOnlyList<double>? PvShares = null,
    int? Rack = null);
