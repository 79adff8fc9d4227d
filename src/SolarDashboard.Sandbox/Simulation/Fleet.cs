namespace SolarDashboard.Sandbox.Simulation;

public enum PlantKind { Residential, Commercial }

/// <summary>The device that carries control commands to a plant (reference 5.2.3 and 5.2.7 ranges depend on it).</summary>
public enum ControllerKind { Dongle, Emma, SmartLogger, DistributedSmartLogger, Inverter }

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

public sealed record BatterySpec(string Model, double CapacityKwh, double MaxChargeKw, double MaxDischargeKw, bool IsLg);

public sealed record SimPlant(
    int Index,
    string Code,
    string Name,
    string Address,
    double Latitude,
    double Longitude,
    TimeZoneInfo Zone,
    PlantKind Kind,
    double CapacityKwp,
    DateTimeOffset GridConnection,
    string ContactPerson,
    string ContactMethod,
    BatterySpec? Battery,
    ControllerKind Controller,
    bool ControllerOnline,
    double PricePerKwh)
{
    public DateOnly LocalDate(DateTimeOffset utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, Zone).DateTime);

    public DateTimeOffset LocalMidnightUtc(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        // A midnight skipped by DST does not exist in a few zones; take the first valid local instant.
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);
}

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

public sealed record SimApiAccount(string UserName, string SystemCode, IReadOnlyList<string> PlantCodes);

public sealed record SimOwner(string UserName, string Password, IReadOnlyList<string> PlantCodes);

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
