using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using SolarDashboard.Core.Data.Migrations;

namespace SolarDashboard.Core.Data;

/// <summary>
/// Databases made by releases up to 2b14644 record four hand-written migrations (0001_Initial … 0004_Control). Their schema
/// is the generated <see cref="Baseline"/>'s, so such a database is moved onto it in place: nothing is created or copied
/// except two small tables whose DDL says the same thing in other words, and the history then names the baseline.
/// </summary>
internal static class LegacyHistory
{
    public static readonly IReadOnlyList<string> MigrationIds = ["0001_Initial", "0002_Cache", "0003_Users", "0004_Control"];

    // Same columns, keys and indexes as the baseline, worded differently: 0003 added Connections.OwnerUserId and
    // GrantedScopes with ALTER TABLE (their foreign key inline and unnamed), and PlantGrants lists its foreign keys in the
    // other order. Rebuilt with the baseline's DDL so that an upgraded database and a new one are the same, and EF's later
    // table rebuilds start from what its snapshot says.
    private static readonly string[] RewordedTables = ["Connections", "PlantGrants"];

    public static string BaselineId { get; } = typeof(Baseline).GetCustomAttribute<MigrationAttribute>()!.Id;

    /// <summary>Moves a database with the complete legacy history onto the baseline; false when it has none.</summary>
    public static async Task<bool> AdoptAsync(SolarDbContext db, IReadOnlySet<string> applied, CancellationToken ct)
    {
        var legacy = MigrationIds.Where(applied.Contains).ToList();
        if (legacy.Count == 0) return false;
        if (legacy.Count != MigrationIds.Count || applied.Contains(BaselineId))
            throw new InvalidOperationException(
                $"The database records the migrations {string.Join(", ", applied.Order())}: not a database this release knows how to upgrade. " +
                "Databases of earlier releases must first have been opened by release 2b14644 (which applies 0001_Initial … 0004_Control).");

        var baseline = db.GetService<IMigrationsAssembly>().CreateMigration(typeof(Baseline).GetTypeInfo(), db.Database.ProviderName!);
        var history = db.GetService<IHistoryRepository>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // A table that others reference is rebuilt with foreign keys off, or dropping it would cascade. SQLite allows
            // the switch only outside a transaction (https://www.sqlite.org/lang_altertable.html#otheralter).
            await ExecuteAsync(connection, null, "PRAGMA foreign_keys = OFF", ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var table in RewordedTables) await RebuildAsync(db, baseline, connection, transaction, table, ct);
            await using (var check = Command(connection, transaction, "PRAGMA foreign_key_check"))
            await using (var reader = await check.ExecuteReaderAsync(ct))
                if (await reader.ReadAsync(ct)) throw new InvalidOperationException($"Foreign key broken in table {reader.GetString(0)} after moving onto the baseline.");
            foreach (var id in legacy) await ExecuteAsync(connection, transaction, history.GetDeleteScript(id), ct);
            await ExecuteAsync(connection, transaction, history.GetInsertScript(new HistoryRow(BaselineId, ProductInfo.GetVersion())), ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await ExecuteAsync(connection, null, "PRAGMA foreign_keys = ON", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
        return true;
    }

    /// <summary>SQLite's rebuild: the baseline's table under a temporary name, the rows copied, the old one dropped, the new one renamed.</summary>
    private static async Task RebuildAsync(SolarDbContext db, Migration baseline, DbConnection connection, DbTransaction transaction, string table, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var create = baseline.UpOperations.OfType<CreateTableOperation>().Single(t => t.Name == table);
        var indexes = baseline.UpOperations.OfType<CreateIndexOperation>().Where(i => i.Table == table).ToList<MigrationOperation>();
        var temporary = "ef_temp_" + table;
        var columns = string.Join(", ", create.Columns.Select(c => sql.DelimitIdentifier(c.Name)));

        // AUTOINCREMENT's high-water mark, so ids of deleted rows (which the control audit may still name) are not reused.
        long? sequence;
        await using (var read = Command(connection, transaction, $"SELECT seq FROM sqlite_sequence WHERE name = '{table}'"))
            sequence = await read.ExecuteScalarAsync(ct) is long seq ? seq : null;

        create.Name = temporary;
        var generator = db.GetService<IMigrationsSqlGenerator>();
        foreach (var command in generator.Generate([create])) await ExecuteAsync(connection, transaction, command.CommandText, ct);
        await ExecuteAsync(connection, transaction,
            $"INSERT INTO {sql.DelimitIdentifier(temporary)} ({columns}) SELECT {columns} FROM {sql.DelimitIdentifier(table)}", ct);
        await ExecuteAsync(connection, transaction, $"DROP TABLE {sql.DelimitIdentifier(table)}", ct);
        await ExecuteAsync(connection, transaction, $"ALTER TABLE {sql.DelimitIdentifier(temporary)} RENAME TO {sql.DelimitIdentifier(table)}", ct);
        foreach (var command in generator.Generate(indexes)) await ExecuteAsync(connection, transaction, command.CommandText, ct);
        if (sequence is { } high)
            await ExecuteAsync(connection, transaction, $"UPDATE sqlite_sequence SET seq = max(seq, {high}) WHERE name = '{table}'", ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string text, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, text);
        await command.ExecuteNonQueryAsync(ct);
    }
}
