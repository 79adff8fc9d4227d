namespace SolarDashboard.Components.Bms;

/// <summary>
/// One battery rack (or the master BMS, <see cref="IsMaster"/>) as the rack view shows it: SOC, the cell voltage and
/// temperature extremes with their place, relay and status in words, and its base info. <see cref="Offline"/>: no
/// upload for two acquisition periods (a datalog that lost contact uploads nothing).
/// </summary>
public sealed record BmsRack(
    int DeviceId, string Name, bool IsMaster, bool Offline, DateTimeOffset? CollectedAt, string? Serial, string? Firmware,
    double? SocPercent, BmsReading? MaxCell, BmsReading? MinCell, BmsReading? MaxTemp, BmsReading? MinTemp,
    string? Relay, string? SystemStatus, string? BatteryStatus, string? Status);
