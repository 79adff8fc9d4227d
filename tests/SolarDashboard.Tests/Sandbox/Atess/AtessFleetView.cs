using System.Globalization;
using System.Text.Json.Nodes;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Atess;

/// <summary>The ATESS fleet as the sandbox's admin endpoint lists it, and the calls the tests share.</summary>
internal sealed class AtessFleetView(JsonObject json)
{
    public const string Commercial = "ci-hps150hv";
    public const string Farm = "farm-pcs-pbd-hps";
    public const string Small = "small-hps30";
    public const string SpareCommercial = "ci-hps100hv";

    public static async Task<AtessFleetView> LoadAsync(SandboxHost sandbox) => new(await sandbox.AtessFleetAsync());

    private IEnumerable<JsonObject> Logs => json["dataLogs"]!.AsArray().Select(n => n!.AsObject());

    public JsonObject DataLogOf(string kit) => Logs.First(l => l["kit"]!.GetValue<string>() == kit);

    public string DataLog(string kit) => DataLogOf(kit)["dataLogSn"]!.GetValue<string>();

    public long Plant(string kit) => DataLogOf(kit)["plantId"]!.GetValue<long>();

    public string Spare(string kit) => json["spareDataLogs"]!.AsArray().Select(n => n!.AsObject())
        .First(l => l["kit"]!.GetValue<string>() == kit)["dataLogSn"]!.GetValue<string>();

    /// <summary>Serials of a family ("HpsCentral", "Bcu", …) behind the datalog of <paramref name="kit"/>, in rack order.</summary>
    public IReadOnlyList<string> Devices(string kit, string family) => DataLogOf(kit)["devices"]!.AsArray().Select(n => n!.AsObject())
        .Where(d => d["family"]!.GetValue<string>() == family).Select(d => d["deviceSn"]!.GetValue<string>()).ToList();

    public string Device(string kit, string family) => Devices(kit, family)[0];

    /// <summary>Every row of a device's history between two plant-local times, through all pages (needs relaxed flow control).</summary>
    public static async Task<List<JsonObject>> HistoryAsync(SandboxHost sandbox, string path, string sn, string start, string end)
    {
        var rows = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var answer = await sandbox.AtessGetAsync(path + SandboxHost.Query(("deviceSn", sn), ("startDate", start), ("endDate", end), ("pageNo", page), ("pageSize", 2000)));
            Assert.Equal(0, answer["code"]!.GetValue<int>());
            var datas = answer["data"]!["datas"]!.AsArray().Select(n => n!.AsObject()).ToList();
            rows.AddRange(datas);
            if (datas.Count < 2000) return rows;
        }
    }

    public static double D(JsonObject row, string key) => row[key]!.GetValueKind() == System.Text.Json.JsonValueKind.String
        ? double.Parse(row[key]!.GetValue<string>(), CultureInfo.InvariantCulture)
        : row[key]!.GetValue<double>();

    public static string T(JsonObject row) => row["time"]!.GetValue<string>();
}
