namespace SolarDashboard.Sandbox.Simulation;

/// <summary>The whole simulated world: accounts, plants and their devices. Immutable once built.</summary>
public sealed class Fleet
{
    public required IReadOnlyList<SimPlant> Plants { get; init; }
    public required IReadOnlyDictionary<string, SimPlant> PlantsByCode { get; init; }
    public required IReadOnlyList<SimDevice> Devices { get; init; }
    public required IReadOnlyDictionary<long, SimDevice> DevicesById { get; init; }
    public required IReadOnlyDictionary<string, SimDevice> DevicesBySn { get; init; }
    public required ILookup<string, SimDevice> DevicesByPlant { get; init; }
    public required SimApiAccount Installer { get; init; }
    public required IReadOnlyList<SimOwner> Owners { get; init; }

    public SimDevice? Controller(string plantCode) => DevicesByPlant[plantCode]
        .FirstOrDefault(d => d.TypeId is DevType.Dongle or DevType.Emma or DevType.SmartLogger or DevType.DistributedSmartLogger);
}
