using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// The ATESS OpenAPI under <c>/sandbox/atess/api/v1</c>: plants, datalogs, and per device family base info, history,
/// latest data and settings. Every call needs <c>Authorization: Basic base64(accountId:apiKey)</c>.
/// </summary>
public static class AtessApi
{
    public static void Map(RouteGroupBuilder api)
    {
        Route(api, "GET", "/plant", GetPlant);
        Route(api, "POST", "/plant", AddPlant);
        Route(api, "PUT", "/plant", ModifyPlant);
        Route(api, "DELETE", "/plant", DeletePlant);
        Route(api, "GET", "/plant/list", ListPlants);
        Route(api, "GET", "/datalog", GetDataLog);
        Route(api, "POST", "/datalog", AddDataLog);
        Route(api, "DELETE", "/datalog", DeleteDataLog);
        Route(api, "GET", "/datalog/list", ListDataLogs);
        AtessDeviceApi.Map(api);
    }

    internal static void Route(RouteGroupBuilder api, string method, string path, Func<AtessCall, Task<IResult>> handler) =>
        api.MapMethods(path, [method], async (HttpContext http, AtessFleet fleet, AtessQuirks quirks, AcquisitionLimit limit) =>
        {
            var account = fleet.Authenticate(http.Request.Headers.Authorization);
            if (account is null)
            {
                var language = AtessText.Language(http.Request.Headers.AcceptLanguage);
                return AtessResults.Envelope(AtessResults.NoAccess, null, AtessText.Format(language, "noAuthorization"));
            }
            return await handler(new AtessCall(http, account, method + " " + path, fleet, quirks, limit));
        });

    internal static void Route(RouteGroupBuilder api, string method, string path, Func<AtessCall, IResult> handler) =>
        Route(api, method, path, call => Task.FromResult(handler(call)));

    /// <summary>The caller's plant named by <paramref name="id"/>, or the answer to give instead.</summary>
    internal static (AtessPlant? Plant, IResult? Error) OwnPlant(AtessCall call, long id)
    {
        var plant = call.Fleet.Plant(id);
        if (plant is null) return (null, call.NotFound("plantId " + id.ToString(CultureInfo.InvariantCulture)));
        return plant.Owner == call.Account ? (plant, null) : (null, call.NoAccess());
    }

    private static IResult GetPlant(AtessCall call)
    {
        var (id, bad) = call.RequiredLong("plantId");
        if (bad is not null) return bad;
        var (plant, error) = OwnPlant(call, id);
        if (error is not null) return error;
        return call.Acquire("plant:" + id) ?? call.Ok(call.Fleet.Read(() => AtessViews.Plant(plant!)));
    }

    private static async Task<IResult> AddPlant(AtessCall call)
    {
        if (await call.BodyAsync() is not { } body) return call.Invalid("badJson");
        var (input, error) = ReadPlant(call, body, adding: true);
        if (error is not null) return error;
        var plant = call.Fleet.AddPlant(call.Account, input!);
        return call.Ok(call.Fleet.Read(() => AtessViews.Plant(plant)));
    }

    private static async Task<IResult> ModifyPlant(AtessCall call)
    {
        if (await call.BodyAsync() is not { } body) return call.Invalid("badJson");
        if (!TryLong(body["plantId"], out var id)) return call.Invalid(body["plantId"] is null ? "required" : "badNumber", "plantId");
        var (plant, denied) = OwnPlant(call, id);
        if (denied is not null) return denied;
        var (input, error) = ReadPlant(call, body, adding: false);
        if (error is not null) return error;
        if (call.Fleet.ModifyPlant(plant!, input!) is { } refusal) return call.Invalid(refusal);
        return call.Ok(call.Fleet.Read(() => AtessViews.Plant(plant!)));
    }

    private static IResult DeletePlant(AtessCall call)
    {
        var (id, bad) = call.RequiredLong("plantId");
        if (bad is not null) return bad;
        var (plant, error) = OwnPlant(call, id);
        if (error is not null) return error;
        call.Fleet.DeletePlant(plant!);
        return call.Ok(null);
    }

    private static IResult ListPlants(AtessCall call)
    {
        var pageNo = 1L;
        var pageSize = 20L;
        if (call.Query("pageNo") is not null)
        {
            var (n, e1) = call.RequiredLong("pageNo");
            if (e1 is not null) return e1;
            if (n < 1) return call.Invalid("pageNo");
            pageNo = Math.Min(n, int.MaxValue);
        }
        if (call.Query("pageSize") is not null)
        {
            var (size, e2) = call.RequiredLong("pageSize");
            if (e2 is not null) return e2;
            if (size is < 1 or > 100) return call.Invalid("pageSize", 100);
            pageSize = size;
        }
        if (call.Acquire("") is { } limited) return limited;
        var plants = call.Fleet.PlantsOf(call.Account);
        var rows = call.Fleet.Read(() => plants.Skip((int)Math.Min(int.MaxValue, (pageNo - 1) * pageSize)).Take((int)pageSize).Select(p => (JsonNode)AtessViews.Plant(p)).ToList());
        return call.Ok(AtessViews.Pager(rows, pageNo, (int)pageSize, plants.Count), paged: true);
    }

    /// <summary>The caller's bound datalog named by the <c>dataLogSn</c> query parameter, or the answer to give instead.</summary>
    internal static (AtessDataLog? Log, AtessPlant? Plant, IResult? Error) OwnDataLog(AtessCall call, string? sn)
    {
        if (sn is null) return (null, null, call.Invalid("required", "dataLogSn"));
        var log = call.Fleet.DataLog(sn);
        var plant = log?.PlantId is { } id ? call.Fleet.Plant(id) : null;
        if (log is null || plant is null) return (null, null, call.NotFound("dataLogSn " + sn));
        return plant.Owner == call.Account ? (log, plant, null) : (null, null, call.NoAccess());
    }

    private static IResult GetDataLog(AtessCall call)
    {
        var (log, plant, error) = OwnDataLog(call, call.Query("dataLogSn"));
        if (error is not null) return error;
        return call.Acquire("datalog:" + log!.Sn) ?? call.Ok(call.Fleet.Read(() => AtessViews.DataLog(log, plant!, call.Fleet.LastUpload(log))));
    }

    private static async Task<IResult> AddDataLog(AtessCall call)
    {
        if (await call.BodyAsync() is not { } body) return call.Invalid("badJson");
        if (!TryLong(body["plantId"], out var id)) return call.Invalid(body["plantId"] is null ? "required" : "badNumber", "plantId");
        if (body["dataLogSn"] is not JsonValue snValue || snValue.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(snValue.GetValue<string>()))
            return call.Invalid("required", "dataLogSn");
        var sn = snValue.GetValue<string>().Trim();
        var (plant, denied) = OwnPlant(call, id);
        if (denied is not null) return denied;
        switch (call.Fleet.AddDataLog(plant!, sn))
        {
            case "notFound": return call.NotFound("dataLogSn " + sn);
            case { } refusal: return call.Invalid(refusal, sn);
        }
        var log = call.Fleet.DataLog(sn)!;
        return call.Ok(call.Fleet.Read(() => AtessViews.DataLog(log, plant!, call.Fleet.LastUpload(log))));
    }

    private static IResult DeleteDataLog(AtessCall call)
    {
        var (log, _, error) = OwnDataLog(call, call.Query("dataLogSn"));
        if (error is not null) return error;
        call.Fleet.DeleteDataLog(log!);
        return call.Ok(null);
    }

    private static IResult ListDataLogs(AtessCall call)
    {
        var (id, bad) = call.RequiredLong("plantId");
        if (bad is not null) return bad;
        var (plant, error) = OwnPlant(call, id);
        if (error is not null) return error;
        if (call.Acquire("plant:" + id) is { } limited) return limited;
        return call.Ok(call.Fleet.Read(() => new JsonArray([.. call.Fleet.DataLogsOf(plant!).Select(l => (JsonNode)AtessViews.DataLog(l, plant!, call.Fleet.LastUpload(l)))])));
    }

    /// <summary>Reads and checks the fields of an add or modify plant body.</summary>
    private static (PlantInput? Input, IResult? Error) ReadPlant(AtessCall call, JsonObject body, bool adding)
    {
        string? Str(string key) => body[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : null;
        IResult Bad(string key, string why) => call.Invalid("badField", key, why);

        var name = Str("plantName");
        if (adding && string.IsNullOrEmpty(name)) return (null, call.Invalid("required", "plantName"));
        if (name is not null && (name.Length == 0 || name.Length > 64)) return (null, Bad("plantName", "1 to 64 characters"));
        var zoneId = Str("timeZone");
        if (adding && string.IsNullOrEmpty(zoneId)) return (null, call.Invalid("required", "timeZone"));
        TimeZoneInfo? zone = null;
        if (zoneId is not null)
        {
            if (!zoneId.Contains('/') || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone)) return (null, Bad("timeZone", "an IANA time zone such as Europe/Berlin"));
        }
        double? Number(string key, double min, double max, out IResult? error)
        {
            error = null;
            var node = body[key];
            if (node is null) return null;
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() is var d && d >= min && d <= max) return d;
            error = Bad(key, $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }
        var lat = Number("latitude", -90, 90, out var e1);
        var lon = Number("longitude", -180, 180, out var e2);
        var capacity = Number("capacity", 0, 1_000_000, out var e3);
        if ((e1 ?? e2 ?? e3) is { } numberError) return (null, numberError);
        DateOnly? install = null;
        if (Str("installDate") is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return (null, Bad("installDate", "yyyy-MM-dd"));
            install = d;
        }
        return (new PlantInput(name, Str("country"), Str("city"), Str("address"), lat, lon, zone, capacity, install), null);
    }

    internal static bool TryLong(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v) return false;
        return v.GetValueKind() switch
        {
            JsonValueKind.Number => v.TryGetValue(out value) || (v.GetValue<double>() is var d && d == Math.Floor(d) && (value = (long)d) == d),
            JsonValueKind.String => long.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
