namespace SolarDashboard.Vendors.Atess.Wire;

/// <summary>
/// A device's base info (the reference's OpenApiBcuInfoVo: 485 address, datalog, device no, serial, firmware, lost,
/// status, system no, update time), plus <see cref="Model"/> ("HPS150HV") where the family sends one.
/// </summary>
public sealed record AtessDeviceInfo(string DeviceSn, string? DataLogSn, int? Address, int? DeviceNo, int? SystemNo, string? FirmwareVersion,
    bool? Lost, string? Status, string? UpdateTime, string? Model);
