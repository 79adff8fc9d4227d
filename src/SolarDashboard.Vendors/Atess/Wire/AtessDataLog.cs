namespace SolarDashboard.Vendors.Atess.Wire;

/// <summary>
/// A datalog (the gateway behind a plant's devices). <see cref="Lost"/>: it has lost contact with the cloud.
/// <see cref="CreateTime"/> (when it was added) and <see cref="UpdateTime"/> (its latest upload) are plant-local text.
/// </summary>
public sealed record AtessDataLog(string DataLogSn, long? PlantId, bool? Lost, string? FirmwareVersion, int? DeviceCount, string? CreateTime, string? UpdateTime);
