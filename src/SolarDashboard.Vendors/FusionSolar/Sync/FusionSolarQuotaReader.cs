using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Queries;
using SolarDashboard.Vendors.FusionSolar.Model;

namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>A FusionSolar connection's budgets (reference section 4) against its persisted call log.</summary>
public sealed class FusionSolarQuotaReader(IDbContextFactory<SolarDbContext> dbFactory, TimeProvider time) : IQuotaReader
{
    public async Task<QuotaView?> GetAsync(int connectionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null || connection.Vendor != Vendor.FusionSolar) return null;
        var now = time.GetUtcNow();
        var since = now - TimeSpan.FromDays(1);
        var calls = await db.Calls.AsNoTracking().Where(c => c.ConnectionId == connectionId && c.At >= since).ToListAsync(ct);
        var inventory = new Inventory(
            await db.Plants.CountAsync(p => p.ConnectionId == connectionId, ct),
            await db.Devices.Where(d => db.Plants.Any(p => p.Id == d.PlantId && p.ConnectionId == connectionId))
                .GroupBy(d => d.VendorType).ToDictionaryAsync(g => FusionSolarDeviceTypes.Parse(g.Key), g => g.Count(), ct));
        var oauth = connection.AuthMode == AuthMode.OAuthConnect;

        IReadOnlyList<ApiQuota> apis;
        if (oauth)
        {
            var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            var basic = calls.Where(c => !FusionSolarPlanner.IsControlApi(c.Api)).ToList();
            var control = calls.Where(c => FusionSolarPlanner.IsControlApi(c.Api)).ToList();
            apis =
            [
                new ApiQuota("all basic APIs", TimeSpan.FromDays(1), FusionSolarPlanner.OAuthBasicPerDay, basic.Count(c => c.At >= dayStart), basic.Count, basic.Count(c => !c.Succeeded)),
                new ApiQuota("all control APIs", TimeSpan.FromDays(1), FusionSolarPlanner.OAuthControlPerDay, control.Count(c => c.At >= dayStart), control.Count, control.Count(c => !c.Succeeded)),
            ];
        }
        else
        {
            apis = Enum.GetValues<DataClass>().Where(c => c != DataClass.HistoryBackfill).Select(c =>
            {
                var budget = FusionSolarPlanner.ApiAccountBudget(c, inventory);
                var windowStart = new DateTimeOffset(now.UtcTicks - now.UtcTicks % budget.Window.Ticks, TimeSpan.Zero);
                var mine = calls.Where(k => k.Api == budget.Bucket).ToList();
                return new ApiQuota(budget.Bucket, budget.Window, budget.Limit, mine.Count(k => k.At >= windowStart), mine.Count, mine.Count(k => !k.Succeeded));
            }).ToList();
        }
        var failures = await db.SyncStates.AsNoTracking().Where(s => s.ConnectionId == connectionId && s.LastError != null && s.LastFailureAt != null)
            .ToListAsync(ct);
        return new QuotaView(connection.Id, connection.Name, connection.State, connection.LastError, connection.LastSuccessAt, apis,
            failures.OrderByDescending(f => f.LastFailureAt).Select(f => new RecentFailure(f.DataClass, f.LastFailureAt!.Value, f.LastError!)).ToList());
    }
}
