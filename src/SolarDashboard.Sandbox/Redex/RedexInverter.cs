namespace SolarDashboard.Sandbox.Redex;

/// <summary>A registered inverter as the registry knows it. <paramref name="Source"/> names the simulated device, if any.</summary>
public sealed record RedexInverter(
    string RemoteInvId,
    string ClientId,
    string SerialNumber,
    double CapacityKw,
    DateOnly StartDate,
    string Vendor,
    string? Source);
