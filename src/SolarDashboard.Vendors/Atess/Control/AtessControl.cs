using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Sync;
using SolarDashboard.Vendors.Atess.Model;
using SolarDashboard.Vendors.Atess.Sync;

namespace SolarDashboard.Vendors.Atess.Control;

/// <summary>
/// ATESS's part of the control ledger: "modify setting" of one device. The PUT is sent once; the task then runs until a
/// read-back with GET (no sooner than the 5-minute acquisition limit allows) shows the device reporting the new values.
/// An unanswered PUT is reconciled by the same read-back, never resent. Also reads a device's settings for the page.
/// </summary>
public sealed class AtessControl(
    AtessSyncer syncer,
    IDbContextFactory<SolarDbContext> dbFactory,
    AtessSettingsCache cache,
    TimeProvider time,
    ILogger<AtessControl> logger) : IControlVendor, IDeviceSettingsReader
{
    /// <summary>Read back one acquisition period after the PUT (a GET sooner would be refused), a few seconds late.</summary>
    public static readonly ControlCadence Schedule = new(AtessClient.AcquisitionPeriod, TimeSpan.FromSeconds(10), TimeSpan.FromHours(2));

    public const string PerDevice = "ATESS sites take no plant-wide battery tasks; change a device's settings on its page.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Vendor Vendor => Vendor.Atess;

    public IControlRules Rules { get; } = new AtessControlRules(cache);

    public ControlCadence Cadence => Schedule;

    /// <summary>ATESS documents no limit on writes; reads are limited per endpoint and device instead. This only stops a runaway.</summary>
    public int CallsPerDay => 1000;

    public bool HasSettings(Device device) => AtessSettingCatalogue.For(AtessDeviceTypes.KindOf(device.VendorType)).Count > 0;

    public async Task<IReadOnlyList<PlantControlFacts>> ReadFactsAsync(IReadOnlyList<Plant> plants, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = plants.Select(p => p.Id).ToList();
        var connectionIds = plants.Select(p => p.ConnectionId).Distinct().ToList();
        var connections = await db.Connections.AsNoTracking().Where(c => connectionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var devices = (await db.Devices.AsNoTracking().Where(d => ids.Contains(d.PlantId)).ToListAsync(ct)).Where(HasSettings).ToLookup(d => d.PlantId);
        return plants.Select(p =>
        {
            var mine = devices[p.Id].ToList();
            var kinds = mine.Select(d => AtessDeviceTypes.KindOf(d.VendorType)).ToList();
            return new PlantControlFacts(p.Id, p.Name, p.VendorKey, p.ConnectionId, false, PerDevice,
                kinds.Any(k => k is AtessKind.Bcu or AtessKind.Mbms), false, ControllerType.Inverter, true, null, null, null, null,
                mine.Select(d => AtessSettingCatalogue.RatingOf(d.VendorType)).Max(), null)
            {
                DeviceTypes = mine.ToDictionary(d => d.VendorKey, d => d.VendorType, StringComparer.Ordinal),
                DeviceSettingsProblem = ConnectionProblem(connections[p.ConnectionId]),
            };
        }).ToList();
    }

    private static string? ConnectionProblem(VendorConnection c) =>
        c.ProtectedSecret is null ? "the ATESS account was disconnected."
        : c.State == ConnectionState.CredentialsRejected ? "ATESS refused the account's API key; an admin must add the account again."
        : null;

    public string WireEntry(PlantControlFacts plant, ControlParameters parameters) => JsonSerializer.Serialize(Body((DeviceSettingParameters)parameters), Json);

    public string WireBody(IReadOnlyList<PlantOrder> plants) => string.Join("\n", plants.Select(p => JsonSerializer.Serialize(Body((DeviceSettingParameters)p.Parameters), Json)));

    /// <summary>The PUT body exactly as the client sends it: the serial first, then each changed setting.</summary>
    private static Dictionary<string, object> Body(DeviceSettingParameters p)
    {
        var body = new Dictionary<string, object> { ["deviceSn"] = p.DeviceKey };
        foreach (var (key, value) in p.Changes) body[key] = value;
        return body;
    }

    public async Task<ControlAnswer> DeliverAsync(VendorConnection connection, ControlKind kind, IReadOnlyList<PlantOrder> plants, CancellationToken ct)
    {
        if (kind != ControlKind.DeviceSetting || plants is not [{ Parameters: DeviceSettingParameters p } order])
            throw new ControlRefusedException("Not an ATESS device setting.", PerDevice);
        var family = await FamilyAsync(connection.Id, p.DeviceKey, ct);
        var calls = new List<AtessCallRecord>();
        try
        {
            var after = await syncer.ClientFor(connection, calls.Add).ModifySettingsAsync(family, p.DeviceKey, p.Changes, ct);
            var id = $"{p.DeviceKey}:{time.GetUtcNow().ToUnixTimeMilliseconds()}";
            return new ControlAnswer(0, "operate successfully", id, [new PlantAnswer(order.PlantKey, PlantControlStatus.Running, null)],
                JsonSerializer.Serialize(after.Values, Json));
        }
        catch (AtessException ex) when (ex.Error.Kind is not AtessErrorKind.Unavailable)
        {
            // Refused with an answer (a range, no access, a gateway): nothing was applied.
            throw new ControlRefusedException($"{ex.Error.Kind}: {ex.Error.Message}", "ATESS refused it: " + ex.Error.Message, ex);
        }
        catch (AtessException ex)
        {
            throw new ControlVendorException(ex.Error.Message, ex);
        }
        finally
        {
            await LogAsync(connection.Id, calls);
        }
    }

    /// <summary>The read-back: the task's values as the device now reports them (GET), compared with what was sent.</summary>
    public async Task<ControlAnswer> QueryAsync(VendorConnection connection, ControlKind kind, string vendorTaskId, CancellationToken ct)
    {
        ControlTaskPlant row;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var taskId = await db.ControlTasks.AsNoTracking().Where(t => t.VendorTaskId == vendorTaskId && t.ConnectionId == connection.Id)
                .OrderByDescending(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct) ?? throw new ControlVendorException($"No task {vendorTaskId} to read back.");
            row = await db.ControlTaskPlants.AsNoTracking().FirstAsync(r => r.TaskId == taskId, ct);
        }
        var p = (DeviceSettingParameters)ControlJson.Read(row.ParametersJson);
        var (at, values) = await ReadBackAsync(connection, p.DeviceKey, ct);
        if (values is null) throw new ControlVendorException($"The read-back of {p.DeviceKey} waits: its settings can be read again at {at:HH:mm:ss} UTC.");
        var (same, differ) = AtessSettingEvidence.Match(p, values);
        var raw = JsonSerializer.Serialize(values, Json);
        return differ.Count == 0
            ? new ControlAnswer(0, "read back", vendorTaskId, [new PlantAnswer(row.PlantCode, PlantControlStatus.Success, $"The device reports {same}.", Confirmed: $"Read back at {at:HH:mm} UTC: {same}.")], raw)
            : new ControlAnswer(0, "read back", vendorTaskId, [new PlantAnswer(row.PlantCode, PlantControlStatus.Fail,
                $"ATESS accepted the change, but the device reports {string.Join(", ", differ)}. Nothing was sent again.")], raw);
    }

    /// <summary>The settings of the device whose change is still open at this plant (one task per plant), read back now.</summary>
    public async Task<IControlEvidence> ReadEvidenceAsync(int plantId, CancellationToken ct)
    {
        VendorConnection? connection;
        string? json;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var open = await (from r in db.ControlTaskPlants.AsNoTracking()
                              join t in db.ControlTasks.AsNoTracking() on r.TaskId equals t.Id
                              join c in db.Connections.AsNoTracking() on t.ConnectionId equals c.Id
                              where r.PlantId == plantId && r.Active && t.Kind == ControlKind.DeviceSetting
                              select new { r.ParametersJson, Connection = c }).FirstOrDefaultAsync(ct);
            (json, connection) = (open?.ParametersJson, open?.Connection);
        }
        if (json is null || connection?.ProtectedSecret is null) return new AtessSettingEvidence(null, null);
        var p = (DeviceSettingParameters)ControlJson.Read(json);
        try
        {
            var (at, values) = await ReadBackAsync(connection, p.DeviceKey, ct);
            return new AtessSettingEvidence(at, values);
        }
        catch (ControlVendorException ex)
        {
            logger.LogInformation("ATESS read-back of {Device} failed: {Message}", p.DeviceKey, ex.Message);
            return new AtessSettingEvidence(null, null);
        }
    }

    public async Task<DeviceSettingsRead> ReadAsync(VendorConnection connection, Device device, CancellationToken ct)
    {
        var kind = AtessDeviceTypes.KindOf(device.VendorType);
        var facts = await DeviceFactsAsync(device, ct);
        string? problem = null;
        if (cache.NextReadAt(device.VendorKey) is not { } next || next <= time.GetUtcNow())
        {
            try
            {
                await ReadBackAsync(connection, device.VendorKey, ct);
            }
            catch (ControlVendorException ex)
            {
                problem = ex.Message;
            }
        }
        var last = cache.Get(device.VendorKey);
        var settings = (last?.Values ?? new Dictionary<string, double?>()).OrderBy(v => v.Key, StringComparer.Ordinal).Select(v =>
            AtessSettingCatalogue.Find(kind, v.Key) is { } def
                ? new DeviceSetting(v.Key, def.Label, def.Unit.Length == 0 ? null : def.Unit, v.Value, def.Limit(facts))
                : new DeviceSetting(v.Key, v.Key, null, v.Value, null)).ToList();
        return new DeviceSettingsRead(settings, last?.At, problem);
    }

    private async Task<AtessDeviceFacts> DeviceFactsAsync(Device device, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.Devices.AsNoTracking().Where(d => d.PlantId == device.PlantId).Select(d => d.VendorType).ToListAsync(ct);
        return AtessDeviceFacts.Of(device.VendorType, types);
    }

    /// <summary>GET the device's settings, once the acquisition limit allows; null values and the time it will, when not yet.</summary>
    private async Task<(DateTimeOffset At, IReadOnlyDictionary<string, double?>? Values)> ReadBackAsync(VendorConnection connection, string deviceSn, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (cache.NextReadAt(deviceSn) is { } next && next > now) return (next, null);
        var family = await FamilyAsync(connection.Id, deviceSn, ct);
        var calls = new List<AtessCallRecord>();
        try
        {
            var read = await syncer.ClientFor(connection, calls.Add).GetSettingsAsync(family, deviceSn, ct);
            cache.Put(deviceSn, time.GetUtcNow(), read.Values);
            return (time.GetUtcNow(), read.Values);
        }
        catch (AtessException ex) when (ex.Error.Kind == AtessErrorKind.AcquisitionLimited)
        {
            return (now + (ex.Error.RetryAfter ?? AtessClient.AcquisitionPeriod), null);
        }
        catch (AtessException ex)
        {
            throw new ControlVendorException($"The settings of {deviceSn} could not be read: {ex.Error.Message}", ex);
        }
        finally
        {
            await LogAsync(connection.Id, calls);
        }
    }

    /// <summary>The device's API family, as discovery recorded it; else from its type (central HPS paths for an HPS).</summary>
    private async Task<AtessFamily> FamilyAsync(int connectionId, string deviceSn, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inventory = await db.SyncStates.AsNoTracking().Where(s => s.ConnectionId == connectionId && s.DataClass == AtessConnectionSync.InventoryClass)
            .Select(s => s.Cursor).FirstOrDefaultAsync(ct);
        if (AtessInventory.Parse(inventory).Devices.TryGetValue(deviceSn, out var entry)) return entry.Family;
        var type = await db.Devices.AsNoTracking().Where(d => d.VendorKey == deviceSn).Select(d => d.VendorType).FirstOrDefaultAsync(ct) ?? "";
        return AtessDeviceTypes.KindOf(type) switch
        {
            AtessKind.Pcs => AtessFamily.Pcs,
            AtessKind.Pbd => AtessFamily.Pbd,
            AtessKind.Bcu => AtessFamily.Bcu,
            AtessKind.Mbms => AtessFamily.Mbms,
            _ => AtessFamily.HpsCentral,
        };
    }

    /// <summary>Settings calls go into the call log at once: the quota view shows them, and the sync's own reads are other endpoints.</summary>
    private async Task LogAsync(int connectionId, List<AtessCallRecord> calls)
    {
        if (calls.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        foreach (var c in calls)
            db.Calls.Add(new VendorCall
            {
                ConnectionId = connectionId, Api = AtessConnectionSync.CallKey(c.Api, c.Target), At = c.At, DurationMs = (int)c.Duration.TotalMilliseconds,
                Succeeded = c.Succeeded, FailCode = c.Code, HttpStatus = c.HttpStatus, Error = c.Error?.ToString(),
            });
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
