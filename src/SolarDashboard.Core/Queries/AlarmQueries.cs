using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.RawValues;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core.Queries;

/// <summary>One alarm for its detail page, under the same per-plant rules as every other read.</summary>
public sealed class AlarmQueries(IDbContextFactory<SolarDbContext> dbFactory, RawValueCatalogues catalogues)
{
    /// <summary>Null when there is no such alarm, or it belongs to a plant outside the scope.</summary>
    public async Task<AlarmView?> GetAlarmAsync(PlantScope scope, int alarmId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from a in db.Alarms.AsNoTracking()
                         join p in db.Plants.AsNoTracking() on a.PlantId equals p.Id
                         join c in db.Connections.AsNoTracking() on p.ConnectionId equals c.Id
                         where a.Id == alarmId
                         select new { a, p.Name, p.TimeZoneId, c.Vendor }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.a.PlantId)) return null;
        var x = row.a;
        return new AlarmView(x.Id, x.PlantId, row.Name, row.TimeZoneId, x.DeviceId, x.DeviceName,
            x.DeviceVendorType is { } type ? catalogues.For(row.Vendor).DeviceTypeName(type) : null, x.AlarmId, x.Name, x.Cause,
            x.RepairSuggestion, x.Level, x.RaisedAt, x.FirstSeenAt, x.LastSeenAt, x.ClearedAt);
    }
}
