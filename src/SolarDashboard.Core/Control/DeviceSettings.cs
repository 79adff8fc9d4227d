using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Control;

/// <summary>
/// A device's settings for the settings page: read through the device's vendor, changed only through the
/// <see cref="ControlLedger"/> (its checks, one task per plant, request key, audit trail, read-back).
/// </summary>
public sealed class DeviceSettings(IDbContextFactory<SolarDbContext> dbFactory, IEnumerable<IDeviceSettingsReader> readers, ControlLedger ledger)
{
    /// <summary>Whether the device has settings this user may change (for a link); false for a device they cannot see.</summary>
    public async Task<bool> OffersAsync(UserAccess user, int deviceId, CancellationToken ct = default)
    {
        if (!user.MaySubmitControl) return false;
        var found = await FindAsync(user, deviceId, ct);
        return found is { } f && f.Reader.HasSettings(f.Device);
    }

    /// <summary>Reads the device's settings now (within the vendor's limits); null when there is no such device for this user.</summary>
    /// <exception cref="AccessDeniedException">The user may not control the device's plant.</exception>
    public async Task<DeviceSettingsView?> ReadAsync(UserAccess user, int deviceId, CancellationToken ct = default)
    {
        if (await FindAsync(user, deviceId, ct) is not { } f || !f.Reader.HasSettings(f.Device)) return null;
        var read = await f.Reader.ReadAsync(f.Connection, f.Device, ct);
        var facts = (await ledger.ReadPlantsAsync(user, [f.Device.PlantId], ct)).SingleOrDefault();
        var problem = facts is null ? "You may not change this plant's devices." : facts.DeviceSettingsProblem;
        return new DeviceSettingsView(f.Device.Id, f.Device.Name, f.Device.VendorKey, f.Device.PlantId, f.PlantName, read, problem, facts?.RunningTaskId);
    }

    /// <summary>Checks a change and shows what will be sent (the exact body); sends nothing.</summary>
    public async Task<ControlPlan> PlanAsync(UserAccess user, int deviceId, IReadOnlyDictionary<string, double> changes, CancellationToken ct = default)
    {
        var (plantId, parameters) = await RequestAsync(user, deviceId, changes, ct);
        return await ledger.PlanAsync(user, ControlKind.DeviceSetting, [new PlantRequest(plantId, parameters)], ct);
    }

    /// <summary>Sends the change once, through the ledger; <paramref name="requestKey"/> was made when the form opened.</summary>
    public async Task<SubmitOutcome> SubmitAsync(UserAccess user, string requestKey, int deviceId, IReadOnlyDictionary<string, double> changes, CancellationToken ct = default)
    {
        var (plantId, parameters) = await RequestAsync(user, deviceId, changes, ct);
        return await ledger.SubmitAsync(user, new ControlSubmission(requestKey, ControlKind.DeviceSetting, [new PlantRequest(plantId, parameters)]), ct);
    }

    private async Task<(int PlantId, DeviceSettingParameters Parameters)> RequestAsync(UserAccess user, int deviceId, IReadOnlyDictionary<string, double> changes, CancellationToken ct)
    {
        if (await FindAsync(user, deviceId, ct) is not { } f) throw new AccessDeniedException("No such device.");
        return (f.Device.PlantId, new DeviceSettingParameters(f.Device.VendorKey, new SortedDictionary<string, double>(changes.ToDictionary(), StringComparer.Ordinal)));
    }

    private async Task<(Plants.Device Device, string PlantName, Connections.VendorConnection Connection, IDeviceSettingsReader Reader)?> FindAsync(UserAccess user, int deviceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from d in db.Devices.AsNoTracking()
                         join p in db.Plants.AsNoTracking() on d.PlantId equals p.Id
                         join c in db.Connections.AsNoTracking() on p.ConnectionId equals c.Id
                         where d.Id == deviceId
                         select new { Device = d, PlantName = p.Name, Connection = c }).SingleOrDefaultAsync(ct);
        // A plant this user cannot see reads as missing; one they cannot control is refused.
        if (row is null || !user.Plants.Allows(row.Device.PlantId)) return null;
        if (!user.CanControl(row.Device.PlantId)) throw new AccessDeniedException("Only operators and admins may read and change device settings.");
        var reader = readers.FirstOrDefault(r => r.Vendor == row.Connection.Vendor);
        return reader is null ? null : (row.Device, row.PlantName, row.Connection, reader);
    }
}
