using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarDashboard.Core.Ingest;

namespace SolarDashboard.Core.Data;

/// <summary>
/// Brings the SQLite schema up to date before anything else starts. A database of the hand-written migrations (releases
/// up to 2b14644) is first moved onto the generated baseline in place, then gets whatever migrations followed it. Then
/// the standard measures of the latest values are computed where a migration could not (<see cref="StandardMeasureBackfill"/>;
/// their history follows in the background).
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<SolarDbContext> dbFactory, StandardMeasureBackfill backfill, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (await LegacyHistory.AdoptAsync(db, applied, cancellationToken))
            logger.LogInformation("Moved the database from the hand-written migrations {Legacy} onto {Baseline}, in place",
                string.Join(", ", LegacyHistory.MigrationIds), LegacyHistory.BaselineId);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0) logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
        await backfill.RunLatestAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
