using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Data;

namespace SolarDashboard.Core.Control;

/// <summary>A connection's control calls per UTC day, counted from the call log, where vendors name them "control/…".</summary>
public static class ControlBudget
{
    public const string ApiPrefix = "control/";

    public static async Task<int> UsedTodayAsync(SolarDbContext db, int connectionId, DateTimeOffset now, CancellationToken ct)
    {
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return await db.Calls.CountAsync(c => c.ConnectionId == connectionId && c.At >= dayStart && c.Api.StartsWith(ApiPrefix), ct);
    }
}
