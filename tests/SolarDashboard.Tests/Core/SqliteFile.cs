using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace SolarDashboard.Tests.Core;

/// <summary>Reads a SQLite file as SQLite itself sees it: its schema objects and how many rows each table holds.</summary>
internal static partial class SqliteFile
{
    /// <summary>Every object of sqlite_master as "type name: sql", whitespace collapsed, sorted.</summary>
    public static async Task<List<string>> SchemaAsync(string path) =>
        (await QueryAsync(path, "SELECT type, name, sql FROM sqlite_master",
            r => $"{r.GetString(0)} {r.GetString(1)}: {(r.IsDBNull(2) ? "" : Whitespace().Replace(r.GetString(2), " ").Trim())}"))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// What the schema means, whatever its wording: per table its columns (name, type, not null, key position) by name, its
    /// foreign keys and its indexes (unique, columns, filter); sorted.
    /// </summary>
    public static async Task<List<string>> ShapeAsync(string path)
    {
        var shape = new List<string>();
        foreach (var table in (await ObjectsAsync(path, "table")).Keys.Where(t => !t.StartsWith("sqlite_", StringComparison.Ordinal)))
        {
            shape.AddRange(await QueryAsync(path, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => $"column {table}.{r.GetString(0)}: {r.GetString(1)}{(r.GetInt64(2) == 1 ? " not null" : "")}{(r.GetInt64(3) > 0 ? $" key {r.GetInt64(3)}" : "")}"));
            shape.AddRange(await QueryAsync(path, $"SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => $"foreign key {table}.{r.GetString(0)} -> {r.GetString(1)}.{r.GetString(2)} on delete {r.GetString(3)}"));
        }
        foreach (var (index, sql) in await ObjectsAsync(path, "index"))
        {
            if (sql is null) continue; // a key's own index
            var columns = string.Join(", ", await QueryAsync(path, $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno", r => r.GetString(0)));
            var where = sql.Contains(" WHERE ", StringComparison.Ordinal) ? sql[sql.IndexOf(" WHERE ", StringComparison.Ordinal)..] : "";
            shape.Add($"index {index}: {(sql.StartsWith("CREATE UNIQUE", StringComparison.Ordinal) ? "unique " : "")}({columns}){where}");
        }
        return shape.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The (name, sql) of the objects of one type, by name.</summary>
    public static async Task<Dictionary<string, string?>> ObjectsAsync(string path, string type) =>
        (await QueryAsync(path, $"SELECT name, sql FROM sqlite_master WHERE type = '{type}'", r => (Name: r.GetString(0), Sql: r.IsDBNull(1) ? null : r.GetString(1))))
        .ToDictionary(o => o.Name, o => o.Sql);

    /// <summary>"table: rows" for every table, and "sqlite_sequence table: seq" for every AUTOINCREMENT counter.</summary>
    public static async Task<List<string>> RowCountsAsync(string path, params string[] except)
    {
        var tables = (await ObjectsAsync(path, "table")).Keys.Where(t => !except.Contains(t)).Order(StringComparer.Ordinal).ToList();
        var counts = new List<string>();
        foreach (var table in tables)
            counts.Add($"{table}: {(await QueryAsync(path, $"SELECT count(*) FROM \"{table}\"", r => r.GetInt64(0))).Single()}");
        counts.AddRange(await QueryAsync(path, "SELECT name, seq FROM sqlite_sequence ORDER BY name", r => $"sqlite_sequence {r.GetString(0)}: {r.GetInt64(1)}"));
        return counts;
    }

    public static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<T>> QueryAsync<T>(string path, string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        // Foreign keys on, as the app has them; no pooling, so a test's temp folder can be deleted.
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadWrite;Pooling=False;Foreign Keys=True");
        await connection.OpenAsync();
        return connection;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
