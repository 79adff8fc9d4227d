using System.Text.Json;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// Per device family: base info, base info list (by datalog), history (<c>data-list</c>, paged, plant-local dates),
/// latest (<c>data-last</c>), setting (GET) and modify setting (PUT). Paths follow the documented ones; string-type HPS
/// takes the <c>-small</c> forms, BCU keeps the reference's spelling <c>buc</c>.
/// </summary>
internal static class AtessDeviceApi
{
    public const int MaxPageSize = 2000;

    private sealed record Paths(AtessFamily Family, string BaseInfo, string DataList, string DataLast, string Setting);

    private static readonly Paths[] Families =
    [
        new(AtessFamily.HpsCentral, "/hps/base-info", "/hps/data-list", "/hps/data-last", "/hps/setting"),
        new(AtessFamily.HpsString, "/hps/base-info-small", "/hps/data-list-small", "/hps/data-last-small", "/hps/setting-small"),
        new(AtessFamily.Pcs, "/pcs/base-info", "/pcs/data-list", "/pcs/data-last", "/pcs/setting"),
        new(AtessFamily.Pbd, "/pbd/base-info", "/pbd/data-list", "/pbd/data-last", "/pbd/setting"),
        new(AtessFamily.Bcu, "/bms/buc-base-info", "/bms/buc-data-list", "/bms/buc-data-last", "/bms/buc-setting"),
        new(AtessFamily.Mbms, "/bms/mbms-base-info", "/bms/mbms-data-list", "/bms/mbms-data-last", "/bms/mbms-setting"),
    ];

    public static void Map(RouteGroupBuilder api)
    {
        foreach (var f in Families)
        {
            AtessApi.Route(api, "GET", f.BaseInfo, c => BaseInfo(c, f.Family));
            AtessApi.Route(api, "GET", f.BaseInfo + "/list", c => BaseInfoList(c, f.Family));
            AtessApi.Route(api, "GET", f.DataList, c => DataList(c, f.Family));
            AtessApi.Route(api, "GET", f.DataLast, c => DataLast(c, f.Family));
            AtessApi.Route(api, "GET", f.Setting, c => GetSetting(c, f.Family));
            AtessApi.Route(api, "PUT", f.Setting, c => ModifySetting(c, f.Family));
        }
    }

    /// <summary>The caller's device of this family, or the answer to give instead (a device of another family is "not found").</summary>
    private static (AtessDevice? Device, AtessPlant? Plant, IResult? Error) OwnDevice(AtessCall call, string? sn, AtessFamily family)
    {
        if (sn is null) return (null, null, call.Invalid("required", "deviceSn"));
        var device = call.Fleet.Device(sn);
        var plant = device is null ? null : call.Fleet.PlantOf(device);
        if (device is null || plant is null || device.Family != family) return (null, null, call.NotFound("deviceSn " + sn));
        return plant.Owner == call.Account ? (device, plant, null) : (null, null, call.NoAccess());
    }

    private static IResult BaseInfo(AtessCall call, AtessFamily family)
    {
        var (device, plant, error) = OwnDevice(call, call.Query("deviceSn"), family);
        if (error is not null) return error;
        if (call.Acquire(device!.Sn) is { } limited) return limited;
        return call.Ok(call.Fleet.Read(() =>
        {
            var log = call.Fleet.AnyDataLog(device.DataLogSn)!;
            return AtessViews.BaseInfo(device, log, plant!, call.Fleet.LastUpload(log), device.Settings);
        }));
    }

    private static IResult BaseInfoList(AtessCall call, AtessFamily family)
    {
        var (log, plant, error) = AtessApi.OwnDataLog(call, call.Query("dataLogSn"));
        if (error is not null) return error;
        if (call.Acquire(log!.Sn) is { } limited) return limited;
        return call.Ok(call.Fleet.Read(() => new JsonArray([.. log.Devices.Where(d => d.Family == family)
            .Select(d => (JsonNode)AtessViews.BaseInfo(d, log, plant!, call.Fleet.LastUpload(log), d.Settings))])));
    }

    private static IResult DataList(AtessCall call, AtessFamily family)
    {
        var sn = call.Query("deviceSn");
        if (sn is null) return call.Invalid("required", "deviceSn");
        foreach (var name in new[] { "startDate", "endDate" })
        {
            if (call.Query(name) is null) return call.Invalid("required", name);
            if (!AtessTime.TryParse(call.Query(name), out _)) return call.Invalid("badDate", name);
        }
        AtessTime.TryParse(call.Query("startDate"), out var start);
        AtessTime.TryParse(call.Query("endDate"), out var end);
        if (end < start) return call.Invalid("dateOrder");
        var (pageNo, e1) = call.RequiredLong("pageNo");
        if (e1 is not null) return e1;
        if (pageNo < 1) return call.Invalid("pageNo");
        var (pageSize, e2) = call.RequiredLong("pageSize");
        if (e2 is not null) return e2;
        if (pageSize is < 1 or > MaxPageSize) return call.Invalid("pageSize", MaxPageSize);

        var (device, _, error) = OwnDevice(call, sn, family);
        if (error is not null) return error;
        if (call.Acquire(device!.Sn) is { } limited) return limited;
        var samples = call.Fleet.History(device, start, end);
        var skip = pageNo > int.MaxValue ? long.MaxValue : (pageNo - 1) * pageSize;
        var rows = skip >= samples.Count ? [] : samples.Skip((int)skip).Take((int)pageSize).Select(s => (JsonNode)AtessRows.For(s)).ToList();
        return call.Ok(AtessViews.Pager(rows, pageNo, (int)pageSize, samples.Count), paged: true);
    }

    private static IResult DataLast(AtessCall call, AtessFamily family)
    {
        var (device, _, error) = OwnDevice(call, call.Query("deviceSn"), family);
        if (error is not null) return error;
        if (call.Acquire(device!.Sn) is { } limited) return limited;
        return call.Ok(call.Fleet.Latest(device) is { } sample ? AtessRows.For(sample) : null);
    }

    private static IResult GetSetting(AtessCall call, AtessFamily family)
    {
        var (device, _, error) = OwnDevice(call, call.Query("deviceSn"), family);
        if (error is not null) return error;
        if (call.Acquire(device!.Sn) is { } limited) return limited;
        return call.Ok(AtessViews.Settings(device, call.Fleet.SettingsOf(device)));
    }

    private static async Task<IResult> ModifySetting(AtessCall call, AtessFamily family)
    {
        if (await call.BodyAsync() is not { } body) return call.Invalid("badJson");
        var sn = body["deviceSn"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : null;
        var (device, _, error) = OwnDevice(call, string.IsNullOrEmpty(sn) ? null : sn, family);
        if (error is not null) return error;
        var changes = new Dictionary<string, double>();
        foreach (var (key, node) in body)
        {
            if (key == "deviceSn") continue;
            if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return call.Invalid("notANumber", key);
            changes[key] = value.GetValue<double>();
        }
        if (changes.Count == 0) return call.Invalid("noChanges");
        if (call.Fleet.ChangeSettings(device!, changes) is { } refused) return call.Invalid(refused.TextKey, refused.Args);
        return call.Ok(AtessViews.Settings(device!, call.Fleet.SettingsOf(device!)));
    }
}
