using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Onboarding;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.Users;
using SolarDashboard.Vendors.Atess.Model;
using SolarDashboard.Vendors.Atess.Sync;
using SolarDashboard.Vendors.Atess.Wire;

namespace SolarDashboard.Vendors.Atess;

/// <summary>
/// ATESS's onboarding steps: "add Plant" (<c>POST plant</c>) and "add DataLog" (<c>POST datalog</c>), and their deletes.
/// Only writes are sent here, and writes are not acquisitions, so onboarding never spends the sync's "once every 5
/// minutes". What the datalog brings (its HPS, PCS, PBD, BMS and BCU racks) is found by the connection's own sync, told
/// to list that plant's datalogs at once. Deleting mirrors ATESS, which drops that history: the dashboard removes the
/// site or the datalog's devices with everything it stored about them (the control audit trail stays).
/// </summary>
public sealed class AtessSiteOnboarding(
    IDbContextFactory<SolarDbContext> dbFactory,
    AtessSyncer syncer,
    CacheWriter writer,
    PlantSummaries summaries,
    ConnectionSyncRunner syncRunner,
    TimeProvider time,
    ILogger<AtessSiteOnboarding> logger) : ISiteOnboarding
{
    public Vendor Vendor => Vendor.Atess;

    public string LoggerSerialHint => "10 letters and digits, as on the datalog's label (such as UDL0A23123)";

    public bool IsLoggerSerial(string serial) => serial.Length == 10 && serial.All(char.IsAsciiLetterOrDigit);

    public async Task<IReadOnlyList<OnboardingSite>> SitesAsync(UserAccess actor, int connectionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ConnectionAsync(db, actor, connectionId, ct);
        var plants = await db.Plants.AsNoTracking().Where(p => p.ConnectionId == connectionId).OrderBy(p => p.Name).ToListAsync(ct);
        var ids = plants.Select(p => p.Id).ToList();
        var devices = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.PlantId)).OrderBy(d => d.Name).ToListAsync(ct);
        var inventory = await InventoryAsync(db, connectionId, ct);
        return plants.Select(p =>
        {
            var own = devices.Where(d => d.PlantId == p.Id).ToList();
            var loggers = own.Where(d => d.Role == DeviceRole.Logger).OrderBy(d => d.VendorKey, StringComparer.Ordinal).Select(l => new OnboardingLogger(l.VendorKey,
                inventory.DataLogs.GetValueOrDefault(l.VendorKey)?.Lost == true,
                [.. own.Where(d => inventory.Devices.GetValueOrDefault(d.VendorKey)?.DataLogSn == l.VendorKey)
                    .Select(d => new OnboardingDevice(d.Id, d.VendorKey, d.Name, d.Role))])).ToList();
            return new OnboardingSite(p.VendorKey, p.Id, p.Name, p.TimeZoneId, p.CapacityKwp, p.Address, loggers, own.Count(d => d.Role != DeviceRole.Logger));
        }).ToList();
    }

    public async Task<OnboardingResult> AddSiteAsync(UserAccess actor, int connectionId, NewSite site, CancellationToken ct = default)
    {
        var connection = await ConnectionAsync(actor, connectionId, ct);
        var calls = new List<AtessCallRecord>();
        AtessPlant plant;
        try
        {
            plant = await syncer.ClientFor(connection, calls.Add).AddPlantAsync(new AtessPlantInput(site.Name.Trim(), site.TimeZoneId.Trim(), Blank(site.Country),
                Blank(site.City), Blank(site.Address), site.Latitude, site.Longitude, site.CapacityKwp, site.InstallDate), ct);
        }
        catch (AtessException ex)
        {
            return new(false, ex.Error.Message);
        }
        finally
        {
            await RecordAsync(connectionId, calls, ct);
        }
        await writer.UpsertCatalogAsync(connectionId, [AtessConnectionSync.ToPlantInfo(plant)], null, time.GetUtcNow(), ct);
        logger.LogInformation("User {User} added ATESS plant {Plant} on connection {Id}", actor.UserId, plant.PlantId, connectionId);
        return new(true, $"Added \"{plant.PlantName}\" at ATESS (plant {plant.PlantId}). Add its datalog next.", Key(plant.PlantId));
    }

    public async Task<OnboardingResult> AddLoggerAsync(UserAccess actor, int connectionId, string siteKey, string serial, CancellationToken ct = default)
    {
        var connection = await ConnectionAsync(actor, connectionId, ct);
        serial = serial.Trim().ToUpperInvariant();
        if (!IsLoggerSerial(serial)) return new(false, $"A datalog serial is {LoggerSerialHint}. Nothing was sent.", siteKey);
        if (await SiteAsync(connectionId, siteKey, ct) is not { } plant || !long.TryParse(siteKey, NumberStyles.Integer, CultureInfo.InvariantCulture, out var plantId))
            return new(false, "This site is not in the dashboard (any more). Nothing was sent.", siteKey);
        var calls = new List<AtessCallRecord>();
        AtessDataLog log;
        try
        {
            log = await syncer.ClientFor(connection, calls.Add).AddDataLogAsync(plantId, serial, ct);
        }
        catch (AtessException ex)
        {
            // The vendor's own words are kept: "ATESS does not know it (not found: dataLogSn …)."
            return new(false, ex.Error.Kind == AtessErrorKind.NotFound ? ex.Error.Message + " Check the serial on the datalog's label." : ex.Error.Message, siteKey);
        }
        finally
        {
            await RecordAsync(connectionId, calls, ct);
        }
        await writer.UpsertCatalogAsync(connectionId, [], [new DeviceInfo(siteKey, log.DataLogSn, log.DataLogSn, "Datalog", DeviceRole.Logger, AtessDeviceTypes.DataLog,
            null, log.FirmwareVersion, null)], time.GetUtcNow(), ct);
        syncer.For(connection).Rediscover(siteKey);
        syncRunner.StartNow(connectionId);
        logger.LogInformation("User {User} added ATESS datalog {Serial} to plant {Plant}", actor.UserId, serial, siteKey);
        var count = log.DeviceCount is { } n ? $" with {n} device{(n == 1 ? "" : "s")}" : "";
        return new(true, $"Added datalog {log.DataLogSn}{count} to \"{plant.Name}\". Its devices and battery racks appear here as soon as the sync has read them.", siteKey);
    }

    public async Task<OnboardingResult> DeleteSiteAsync(UserAccess actor, int connectionId, string siteKey, CancellationToken ct = default)
    {
        var connection = await ConnectionAsync(actor, connectionId, ct);
        if (await SiteAsync(connectionId, siteKey, ct) is not { } plant || !long.TryParse(siteKey, NumberStyles.Integer, CultureInfo.InvariantCulture, out var plantId))
            return new(false, "This site is not in the dashboard (any more).", siteKey);
        if (await DeleteAtVendorAsync(connection, c => c.DeletePlantAsync(plantId, ct), ct) is { } refused) return new(false, refused, siteKey);
        var sync = syncer.For(connection);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            foreach (var sn in await db.Devices.Where(d => d.PlantId == plant.Id && d.Role == DeviceRole.Logger).Select(d => d.VendorKey).ToListAsync(ct)) sync.Forget(sn);
            await db.Plants.Where(p => p.Id == plant.Id).ExecuteDeleteAsync(ct); // its devices, history, reports, alarms and grants go with it
        }
        logger.LogInformation("User {User} deleted ATESS plant {Plant} and its history", actor.UserId, siteKey);
        return new(true, $"Deleted \"{plant.Name}\" at ATESS and from the dashboard.", siteKey);
    }

    public async Task<OnboardingResult> DeleteLoggerAsync(UserAccess actor, int connectionId, string siteKey, string serial, CancellationToken ct = default)
    {
        var connection = await ConnectionAsync(actor, connectionId, ct);
        if (await SiteAsync(connectionId, siteKey, ct) is not { } plant) return new(false, "This site is not in the dashboard (any more).", siteKey);
        if (await DeleteAtVendorAsync(connection, c => c.DeleteDataLogAsync(serial, ct), ct) is { } refused) return new(false, refused, siteKey);
        syncer.For(connection).Forget(serial);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var inventory = await InventoryAsync(db, connectionId, ct);
            var keys = inventory.Devices.Where(d => d.Value.DataLogSn == serial).Select(d => d.Key).Append(serial).ToList();
            await db.Devices.Where(d => d.PlantId == plant.Id && keys.Contains(d.VendorKey)).ExecuteDeleteAsync(ct);
        }
        await summaries.RefreshAsync([plant.Id], ct);
        logger.LogInformation("User {User} removed ATESS datalog {Serial} from plant {Plant}", actor.UserId, serial, siteKey);
        return new(true, $"Removed datalog {serial} from \"{plant.Name}\" at ATESS, and its devices from the dashboard.", siteKey);
    }

    /// <summary>Null when the vendor deleted it (or no longer knows it); else the refusal in words.</summary>
    private async Task<string?> DeleteAtVendorAsync(VendorConnection connection, Func<AtessClient, Task> delete, CancellationToken ct)
    {
        var calls = new List<AtessCallRecord>();
        try
        {
            await delete(syncer.ClientFor(connection, calls.Add));
            return null;
        }
        catch (AtessException ex) when (ex.Error.Kind == AtessErrorKind.NotFound)
        {
            return null; // already gone at ATESS: the dashboard follows
        }
        catch (AtessException ex)
        {
            return ex.Error.Message;
        }
        finally
        {
            await RecordAsync(connection.Id, calls, ct);
        }
    }

    private async Task<VendorConnection> ConnectionAsync(UserAccess actor, int connectionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ConnectionAsync(db, actor, connectionId, ct);
    }

    private static async Task<VendorConnection> ConnectionAsync(SolarDbContext db, UserAccess actor, int connectionId, CancellationToken ct)
    {
        if (!actor.IsAdmin) throw new AccessDeniedException("Only an admin adds or deletes sites.");
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId && c.Vendor == Vendor.Atess, ct);
        if (connection?.ProtectedSecret is null) throw new AccessDeniedException("No such ATESS connection, or it is disconnected.");
        return connection;
    }

    private async Task<Plant?> SiteAsync(int connectionId, string siteKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Plants.AsNoTracking().SingleOrDefaultAsync(p => p.ConnectionId == connectionId && p.VendorKey == siteKey, ct);
    }

    private static async Task<AtessInventory> InventoryAsync(SolarDbContext db, int connectionId, CancellationToken ct) =>
        AtessInventory.Parse(await db.SyncStates.AsNoTracking().Where(s => s.ConnectionId == connectionId && s.DataClass == AtessConnectionSync.InventoryClass)
            .Select(s => s.Cursor).SingleOrDefaultAsync(ct));

    /// <summary>Onboarding's calls go into the connection's call log beside the sync's.</summary>
    private async Task RecordAsync(int connectionId, List<AtessCallRecord> calls, CancellationToken ct)
    {
        if (calls.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var c in calls)
        {
            var api = AtessConnectionSync.CallKey(c.Api, c.Target);
            db.Calls.Add(new VendorCall
            {
                ConnectionId = connectionId, Api = api.Length <= 60 ? api : api[..60], At = c.At, DurationMs = (int)c.Duration.TotalMilliseconds,
                Succeeded = c.Succeeded, FailCode = c.Code, HttpStatus = c.HttpStatus, Error = c.Error?.ToString(),
            });
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Key(long plantId) => plantId.ToString(CultureInfo.InvariantCulture);
}
