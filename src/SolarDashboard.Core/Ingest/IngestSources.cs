using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Ingest;

/// <summary>Whose mapping applies to a device: its vendor (through its plant's connection), type and role.</summary>
internal sealed record DeviceSource(int DeviceId, int PlantId, Vendor Vendor, string VendorType, DeviceRole Role);

/// <summary>Looks up the vendor of plants and devices, in one query per write.</summary>
internal static class IngestSources
{
    public static Task<Dictionary<int, DeviceSource>> DevicesAsync(SolarDbContext db, IReadOnlyCollection<int> deviceIds, CancellationToken ct) =>
        (from d in db.Devices.AsNoTracking()
         join p in db.Plants on d.PlantId equals p.Id
         join c in db.Connections on p.ConnectionId equals c.Id
         where deviceIds.Contains(d.Id)
         select new DeviceSource(d.Id, d.PlantId, c.Vendor, d.VendorType, d.Role)).ToDictionaryAsync(s => s.DeviceId, ct);

    public static Task<Dictionary<int, Vendor>> PlantsAsync(SolarDbContext db, IReadOnlyCollection<int> plantIds, CancellationToken ct) =>
        (from p in db.Plants.AsNoTracking()
         join c in db.Connections on p.ConnectionId equals c.Id
         where plantIds.Contains(p.Id)
         select new { p.Id, c.Vendor }).ToDictionaryAsync(p => p.Id, p => p.Vendor, ct);
}
