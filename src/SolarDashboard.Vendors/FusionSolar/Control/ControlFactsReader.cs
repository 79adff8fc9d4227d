using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Users;
using SolarDashboard.Vendors.FusionSolar.Consent;
using SolarDashboard.Vendors.FusionSolar.Model;

namespace SolarDashboard.Vendors.FusionSolar.Control;

/// <summary>Builds <see cref="PlantControlFacts"/> from the cache: devices, latest values, the connection's consent, running tasks.</summary>
public sealed class ControlFactsReader(IDbContextFactory<SolarDbContext> dbFactory)
{
    private const int Battery = FusionSolarDeviceTypes.Battery, SmartLogger = FusionSolarDeviceTypes.SmartLogger, Dongle = FusionSolarDeviceTypes.Dongle,
        DistributedSmartLogger = FusionSolarDeviceTypes.DistributedSmartLogger, Emma = FusionSolarDeviceTypes.Emma;

    /// <summary>The plants this user may control (all of them when <paramref name="plantIds"/> is null), with what the forms need to know.</summary>
    public async Task<IReadOnlyList<PlantControlFacts>> ReadAsync(UserAccess user, IReadOnlyCollection<int>? plantIds = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = user.Plants.Restrict(plantIds);
        var plants = await db.Plants.AsNoTracking().Where(p => scope == null || scope.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(ct);
        plants = plants.Where(p => user.CanControl(p.Id)).ToList();
        var ids = plants.Select(p => p.Id).ToList();
        var connections = await db.Connections.AsNoTracking().Where(c => plants.Select(p => p.ConnectionId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var devices = (await db.Devices.AsNoTracking().Where(d => ids.Contains(d.PlantId)).ToListAsync(ct)).Select(d => (Device: d, TypeId: FusionSolarDeviceTypes.TypeOf(d))).ToLookup(d => d.Device.PlantId);
        var deviceIds = devices.SelectMany(g => g).Select(d => d.Device.Id).ToList();
        var latest = await db.LatestKpis.AsNoTracking().Where(k => (k.DeviceId != null && deviceIds.Contains(k.DeviceId.Value)) || (k.PlantId != null && ids.Contains(k.PlantId.Value)))
            .ToListAsync(ct);
        var byDevice = latest.Where(k => k.DeviceId != null).ToDictionary(k => k.DeviceId!.Value, k => KpiJson.Parse(k.ValuesJson));
        var byPlant = latest.Where(k => k.PlantId != null).ToDictionary(k => k.PlantId!.Value, k => KpiJson.Parse(k.ValuesJson));
        var running = await db.ControlTaskPlants.AsNoTracking().Where(t => t.Active && ids.Contains(t.PlantId)).ToDictionaryAsync(t => t.PlantId, t => t.TaskId, ct);

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
            return new PlantControlFacts(p.Id, p.Name, p.VendorKey, p.ConnectionId, ConnectionAllows(c), ConnectionProblem(c),
                battery is not null, battery?.Model?.StartsWith("LG", StringComparison.OrdinalIgnoreCase) == true, controller, online,
                batteryValues?.GetValueOrDefault("battery_soc"), batteryValues?.GetValueOrDefault("ch_discharge_model") is { } m ? (int)m : null,
                batteryValues?.GetValueOrDefault("max_charge_power"), batteryValues?.GetValueOrDefault("max_discharge_power"),
                p.CapacityKwp, running.TryGetValue(p.Id, out var task) ? task : null);
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
