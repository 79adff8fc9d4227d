namespace SolarDashboard.Sandbox.Simulation;

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
