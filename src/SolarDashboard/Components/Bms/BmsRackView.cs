using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Components.Bms;

/// <summary>
/// Builds the rack view from the latest values of a plant's BMS devices (role BMS rack or battery), by the field names
/// the BMS data of the ATESS reference uses (shared by BCU and MBMS): <c>capacity</c> is the SOC, <c>…Group</c> the rack,
/// <c>maxVoltCell</c>/<c>minVoltCell</c> the module, <c>…VoltNum</c> the cell and <c>…TempNum</c> the module.
/// States are in the vendor catalogue's words.
/// </summary>
public static class BmsRackView
{
    public static bool IsBms(DeviceRole role) => role is DeviceRole.BmsRack or DeviceRole.Battery;

    /// <summary>A battery that reports none of these (another vendor's battery) has no rack view.</summary>
    private static readonly string[] BmsFields = ["maxVolt", "minVolt", "bmsStatus"];

    /// <summary>The master first, then the racks in their number order ("BCU 2" before "BCU 10").</summary>
    public static IReadOnlyList<BmsRack> From(IEnumerable<DeviceTelemetry> devices) => devices
        .Where(d => IsBms(d.Device.Role) && BmsFields.Any(d.Values.ContainsKey))
        .Select(Rack)
        .OrderBy(r => r.IsMaster ? 0 : 1).ThenBy(r => r.Name.Length).ThenBy(r => r.Name, StringComparer.Ordinal)
        .ToList();

    private static BmsRack Rack(DeviceTelemetry t)
    {
        var v = t.Values;
        int? N(string key) => v.GetValueOrDefault(key) is { } n ? (int)Math.Round(n) : null;
        BmsReading? Reading(string key, string unit, string rack, string module, string? cell) =>
            v.GetValueOrDefault(key) is { } x ? new BmsReading(x, unit, N(rack), N(module), cell is null ? null : N(cell)) : null;
        string? State(string key) => t.Groups.SelectMany(g => g.Values).FirstOrDefault(l => l.Key == key)?.StateText;

        return new BmsRack(t.Device.Id, t.Device.Name, t.Device.Role == DeviceRole.Battery, t.IsStale, t.CollectedAt, t.Device.SerialNumber, t.Device.Firmware,
            v.GetValueOrDefault("capacity"),
            Reading("maxVolt", "V", "maxVoltGroup", "maxVoltCell", "maxVoltNum"), Reading("minVolt", "V", "minVoltGroup", "minVoltCell", "minVoltNum"),
            Reading("maxTemp", "°C", "maxTempGroup", "maxTempNum", null), Reading("minTemp", "°C", "minTempGroup", "minTempNum", null),
            State("bmsVoltStatus"), State("bmsSystemStatus"), State("bmsStatus"), State("status"));
    }
}
