using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Plants;
using SolarDashboard.Vendors.FusionSolar.Consent;
using SolarDashboard.Vendors.FusionSolar.Model;

namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>Builds <see cref="PlantControlFacts"/> of FusionSolar plants from the cache: devices, latest values, the connection's consent.</summary>
public sealed class ControlFactsReader(IDbContextFactory<SolarDbContext> dbFactory)
{
    private const int Battery = FusionSolarDeviceTypes.Battery, SmartLogger = FusionSolarDeviceTypes.SmartLogger, Dongle = FusionSolarDeviceTypes.Dongle,
        DistributedSmartLogger = FusionSolarDeviceTypes.DistributedSmartLogger, Emma = FusionSolarDeviceTypes.Emma;

    /// <summary>What the forms need to know of these plants (the ledger has already checked who may control them).</summary>
    public async Task<IReadOnlyList<PlantControlFacts>> ReadAsync(IReadOnlyList<Plant> plants, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = plants.Select(p => p.Id).ToList();
        var connections = await db.Connections.AsNoTracking().Where(c => plants.Select(p => p.ConnectionId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var devices = (await db.Devices.AsNoTracking().Where(d => ids.Contains(d.PlantId)).ToListAsync(ct)).Select(d => (Device: d, TypeId: FusionSolarDeviceTypes.TypeOf(d))).ToLookup(d => d.Device.PlantId);
        var deviceIds = devices.SelectMany(g => g).Select(d => d.Device.Id).ToList();
        var latest = await db.LatestKpis.AsNoTracking().Where(k => (k.DeviceId != null && deviceIds.Contains(k.DeviceId.Value)) || (k.PlantId != null && ids.Contains(k.PlantId.Value)))
            .ToListAsync(ct);
        var byDevice = latest.Where(k => k.DeviceId != null).ToDictionary(k => k.DeviceId!.Value, k => KpiJson.Parse(k.ValuesJson));
        var byPlant = latest.Where(k => k.PlantId != null).ToDictionary(k => k.PlantId!.Value, k => KpiJson.Parse(k.ValuesJson));

        return plants.Select(p =>
        {
            var c = connections[p.ConnectionId];
            var mine = devices[p.Id].ToList();
            var battery = mine.Where(d => d.TypeId == Battery).Select(d => d.Device).FirstOrDefault();
            var batteryValues = battery is null ? null : byDevice.GetValueOrDefault(battery.Id);
            var controller = mine.Any(d => d.TypeId == Emma) ? ControllerType.Emma
                : mine.Any(d => d.TypeId == DistributedSmartLogger) ? ControllerType.DistributedSmartLogger
                : mine.Any(d => d.TypeId == SmartLogger) ? ControllerType.SmartLogger
                : mine.Any(d => d.TypeId == Dongle) ? ControllerType.Dongle
                : ControllerType.Inverter;
            // real_health_state 1 is "disconnected": the plant's controller is not reachable from the cloud.
            // Neither the device list nor real-time data carries the inverters' rated power; the plant's capacity (kWp)
            // stands in for it as the EMMA feed-in upper bound (5.2.7).
            var online = byPlant.GetValueOrDefault(p.Id)?.GetValueOrDefault("real_health_state") is not 1.0;
            var mode = batteryValues?.GetValueOrDefault("ch_discharge_model") is { } m ? (int?)m : null;
            return new PlantControlFacts(p.Id, p.Name, p.VendorKey, p.ConnectionId, ConnectionAllows(c), ConnectionProblem(c),
                battery is not null, battery?.Model?.StartsWith("LG", StringComparison.OrdinalIgnoreCase) == true, controller, online,
                batteryValues?.GetValueOrDefault("battery_soc"), mode,
                batteryValues?.GetValueOrDefault("max_charge_power"), batteryValues?.GetValueOrDefault("max_discharge_power"),
                p.CapacityKwp, null)
            {
                BatteryModeText = mode is { } code ? FusionSolarStates.ChargeDischargeModes.GetValueOrDefault(code, $"Unknown state {code}") : null,
            };
        }).ToList();
    }

    private static bool ConnectionAllows(VendorConnection c) => ConnectionProblem(c) is null;

    /// <summary>Control works only in OAuth Connect mode with the control scope (reference 5.2), on a live consent.</summary>
    private static string? ConnectionProblem(VendorConnection c) =>
        c.AuthMode != AuthMode.OAuthConnect ? "it is read through an installer API account; FusionSolar allows control only with the owner's consent."
        : c.ProtectedSecret is null ? "its owner disconnected the FusionSolar account."
        : c.State == ConnectionState.NeedsReauthorization ? "its owner's consent has expired; they must connect again."
        : c.GrantedScopes?.Split(' ').Contains(FusionSolarConsent.ControlScope) != true ? "its owner has not allowed battery and feed-in control (they can add it on Connections)."
        : null;
}
