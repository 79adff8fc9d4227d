namespace SolarDashboard.Core.Redex;

/// <summary>A registered inverter as the registry page lists it, with how many of its days stand where.</summary>
public sealed record RegistryInverterView(int RegistrationId, int PlantId, string Plant, string Vendor, string Device, string RemoteInvId,
    DateOnly StartDate, string TimeZoneId, IReadOnlyDictionary<ExportState, int> Days)
{
    public int Count(ExportState state) => Days.GetValueOrDefault(state);
}
