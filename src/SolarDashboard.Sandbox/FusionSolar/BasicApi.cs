using System.Text.Json.Nodes;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>The basic APIs of reference 5.1 and the login/logout APIs of 3.2.2, under <c>/thirdData</c>.</summary>
public static class BasicApi
{
    private static readonly HashSet<string> Languages = ["zh_CN", "en_US", "ja_JP", "it_IT", "nl_NL", "pt_BR", "de_DE", "fr_FR", "es_ES", "pl_PL"];

    public static void Map(RouteGroupBuilder nbi)
    {
        nbi.MapPost("/thirdData/login", Login);
        nbi.MapPost("/thirdData/logout", Logout);
        Post(nbi, "/thirdData/stations", NbiApi.Stations, Stations);
        Post(nbi, "/thirdData/getDevList", NbiApi.DevList, DevList);
        Post(nbi, "/thirdData/getStationRealKpi", NbiApi.StationRealKpi, StationRealKpi);
        Post(nbi, "/thirdData/getDevRealKpi", NbiApi.DevRealKpi, DevRealKpi);
        Post(nbi, "/thirdData/getDevHistoryKpi", NbiApi.DevHistoryKpi, DevHistoryKpi);
        Post(nbi, "/thirdData/getAlarmList", NbiApi.AlarmList, AlarmList);
        Post(nbi, "/thirdData/getKpiStationHour", NbiApi.KpiStationHour, c => StationReport(c, ReportPeriod.Hour));
        Post(nbi, "/thirdData/getKpiStationDay", NbiApi.KpiStationDay, c => StationReport(c, ReportPeriod.Day));
        Post(nbi, "/thirdData/getKpiStationMonth", NbiApi.KpiStationMonth, c => StationReport(c, ReportPeriod.Month));
        Post(nbi, "/thirdData/getKpiStationYear", NbiApi.KpiStationYear, c => StationReport(c, ReportPeriod.Year));
        Post(nbi, "/thirdData/getDevKpiDay", NbiApi.DevKpiDay, c => DeviceReport(c, ReportPeriod.Day));
        Post(nbi, "/thirdData/getDevKpiMonth", NbiApi.DevKpiMonth, c => DeviceReport(c, ReportPeriod.Month));
        Post(nbi, "/thirdData/getDevKpiYear", NbiApi.DevKpiYear, c => DeviceReport(c, ReportPeriod.Year));
        // Replaced by /thirdData/stations and /thirdData/getDevHistoryKpi (replaced-APIs table, 8.7).
        Offline(nbi, "/thirdData/getStationList");
        Offline(nbi, "/thirdData/getDevFiveMinutes");
    }

    internal static void Post(RouteGroupBuilder group, string path, NbiApi api, Func<NbiCall, IResult> handler) =>
        group.MapPost(path, (HttpContext http, NbiPipeline pipeline) => pipeline.Run(http, api, handler));

    /// <summary>An old API of the replaced-APIs table: still answers, with 401, so clients that probe it can fall back.</summary>
    internal static void Offline(RouteGroupBuilder group, string path) =>
        group.MapPost(path, (HttpContext http, NbiPipeline pipeline) => pipeline.Offline(http));

    private static async Task<IResult> Login(HttpContext http, ApiAccountSessions sessions, FlowControl flow, SandboxWorld world, NbiPipeline pipeline)
    {
        var now = world.Clock.UnixMs;
        var request = await NbiRequest.ReadAsync(http.Request);
        if (request is null) return NbiResults.ParamError("body", "The request body is not valid JSON.");
        var user = request.String("userName");
        // Login is limited per account: 5 calls in 10 minutes, whatever their outcome.
        if (!flow.TryConsume("api:" + user, false, NbiApi.Login, []))
            return pipeline.RateLimited(now);
        var (outcome, token) = sessions.Login(user, request.String("systemCode"));
        switch (outcome)
        {
            case LoginOutcome.Ok:
                http.Response.Headers["xsrf-token"] = token;
                http.Response.Cookies.Append("XSRF-TOKEN", token!, new CookieOptions { Path = "/", HttpOnly = true, Secure = http.Request.IsHttps });
                return NbiResults.Json(NbiResults.Envelope(true, 0, null, new JsonObject { ["currentTime"] = now }, null));
            case LoginOutcome.UnknownAccount:
                return NbiResults.Fail(20001, [], now);
            case LoginOutcome.Locked:
                return NbiResults.Fail(20400, [], now, "The API account is locked.");
            default:
                return NbiResults.Fail(20400, [], now);
        }
    }

    private static async Task<IResult> Logout(HttpContext http, ApiAccountSessions sessions, FlowControl flow, SandboxWorld world, NbiPipeline pipeline)
    {
        var now = world.Clock.UnixMs;
        var request = await NbiRequest.ReadAsync(http.Request);
        if (request is null) return NbiResults.ParamError("body", "The request body is not valid JSON.");
        var token = request.String("xsrfToken");
        var account = sessions.AccountOf(token);
        if (account is null) return NbiResults.Fail(20004, [], now);
        if (!flow.TryConsume("api:" + account, false, NbiApi.Logout, [])) return pipeline.RateLimited(now);
        sessions.Logout(token);
        var @params = request.Echo("xsrfToken");
        @params["currentTime"] = now;
        return NbiResults.Json(NbiResults.Envelope(true, 0, null, @params, null));
    }

    private static IResult Stations(NbiCall call)
    {
        var r = call.Request;
        var @params = r.Echo("pageNo", "gridConnectedStartTime", "gridConnectedEndTime");
        if (!r.TryLong("pageNo", out var pageNo) || pageNo is null) return NbiResults.Fail(30004, @params, call.Now);
        if (pageNo < 1) return NbiResults.Fail(30021, @params, call.Now);
        if (!r.TryLong("gridConnectedStartTime", out var start) || !r.TryLong("gridConnectedEndTime", out var end))
            return NbiResults.Fail(20605, @params, call.Now);
        if (start < 0 || end < 0) return NbiResults.Fail(20605, @params, call.Now);
        if (start is not null && end is not null && start >= end) return NbiResults.Fail(20604, @params, call.Now);
        if (start is not null && end is null && start >= call.Now) return NbiResults.Fail(20606, @params, call.Now);

        var from = start ?? 0;
        var to = end ?? call.Now;
        var plants = call.Caller.PlantCodes.Select(c => call.World.Fleet.PlantsByCode[c])
            .Where(p => p.GridConnection.ToUnixTimeMilliseconds() >= from && p.GridConnection.ToUnixTimeMilliseconds() <= to)
            .ToList();
        const int pageSize = 100;
        var page = plants.Skip((int)(pageNo.Value - 1) * pageSize).Take(pageSize).Select(p => (JsonNode)new JsonObject
        {
            ["plantCode"] = p.Code,
            ["plantName"] = p.Name,
            ["plantAddress"] = p.Address,
            ["longitude"] = p.Longitude,
            ["latitude"] = p.Latitude,
            ["capacity"] = p.CapacityKwp,
            ["contactPerson"] = p.ContactPerson,
            ["contactMethod"] = p.ContactMethod,
            ["gridConnectionDate"] = Wire.Time(p.GridConnection, p),
        }).ToArray();
        var data = new JsonObject
        {
            ["list"] = new JsonArray(page),
            ["pageCount"] = (plants.Count + pageSize - 1) / pageSize,
            ["pageNo"] = pageNo.Value,
            ["pageSize"] = pageSize,
            ["total"] = plants.Count,
        };
        return NbiResults.Ok(@params, data, call.Now, "get plant list success");
    }

    private static IResult DevList(NbiCall call)
    {
        var @params = call.Request.Echo("stationCodes");
        if (Plants(call) is not { } plants) return PlantError(call, @params);
        var list = plants.SelectMany(p => call.World.Fleet.DevicesByPlant[p.Code]).Select(d => (JsonNode)new JsonObject
        {
            ["id"] = d.Id,
            ["devDn"] = d.Dn,
            ["devName"] = d.Name,
            ["stationCode"] = d.StationCode,
            ["esnCode"] = d.Esn,
            ["devTypeId"] = d.TypeId,
            ["softwareVersion"] = d.SoftwareVersion,
            ["optimizerNumber"] = d.OptimizerNumber,
            ["invType"] = DevType.IsInverter(d.TypeId) ? d.Model : null,
            ["longitude"] = call.World.Fleet.PlantsByCode[d.StationCode].Longitude,
            ["latitude"] = call.World.Fleet.PlantsByCode[d.StationCode].Latitude,
        }).ToArray();
        return NbiResults.Ok(@params, new JsonArray(list), call.Now);
    }

    private static IResult StationRealKpi(NbiCall call)
    {
        var @params = call.Request.Echo("stationCodes");
        if (Plants(call) is not { } plants) return PlantError(call, @params);
        var list = plants.Select(p => (JsonNode)new JsonObject
        {
            ["dataItemMap"] = call.Quirks.Map(Wire.WithCounterDip(call, p, call.World.PlantRealKpi(p), ["total_power"])),
            ["stationCode"] = p.Code,
        }).ToArray();
        return NbiResults.Ok(@params, new JsonArray(list), call.Now);
    }

    private static IResult DevRealKpi(NbiCall call)
    {
        var @params = call.Request.Echo("devIds", "sns", "devTypeId");
        var (devices, failCode) = Devices(call, KpiCatalog.RealTimeTypes, 100);
        if (devices is null) return NbiResults.Fail(failCode, @params, call.Now);
        var list = new JsonArray();
        foreach (var d in devices)
        {
            var sample = call.World.DeviceRealKpi(d);
            if (sample is null) continue;
            var plant = call.World.Fleet.PlantsByCode[d.StationCode];
            list.Add(new JsonObject
            {
                ["dataItemMap"] = call.Quirks.Map(Wire.WithCounterDip(call, plant, sample, Wire.LifetimeCounterKeys)),
                ["devId"] = d.Id,
                ["sn"] = d.Esn,
            });
        }
        return NbiResults.Ok(@params, list, call.Now);
    }

    private static IResult DevHistoryKpi(NbiCall call)
    {
        var r = call.Request;
        var @params = r.Echo("devIds", "sns", "devTypeId", "startTime", "endTime");
        var (devices, failCode) = Devices(call, KpiCatalog.HistoryTypes, 10);
        if (devices is null) return NbiResults.Fail(failCode == 20016 || failCode == 20017 ? 30031 : failCode, @params, call.Now);
        if (!r.TryLong("startTime", out var start) || !r.TryLong("endTime", out var end) || start is null || end is null)
            return NbiResults.Fail(20012, @params, call.Now);
        if (start < 0 || end < 0) return NbiResults.Fail(20605, @params, call.Now);
        if (start > end) return NbiResults.Fail(20023, @params, call.Now);
        if (end - start > (long)TimeSpan.FromDays(3).TotalMilliseconds) return NbiResults.Fail(30032, @params, call.Now);
        if (start < call.Now - (long)TimeSpan.FromDays(365).TotalMilliseconds) return NbiResults.Fail(20026, @params, call.Now);

        var from = DateTimeOffset.FromUnixTimeMilliseconds(start.Value);
        var to = DateTimeOffset.FromUnixTimeMilliseconds(end.Value);
        var list = new JsonArray();
        foreach (var d in devices)
        {
            var plant = call.World.Fleet.PlantsByCode[d.StationCode];
            foreach (var (time, map) in call.World.DeviceHistory(d, from, to))
            {
                list.Add(new JsonObject
                {
                    ["dataItemMap"] = call.Quirks.Map(Wire.WithCounterDip(call, plant, map, Wire.LifetimeCounterKeys, time)),
                    ["devId"] = d.Id,
                    ["sn"] = d.Esn,
                    ["collectTime"] = time.ToUnixTimeMilliseconds(),
                });
            }
        }
        return NbiResults.Ok(@params, list, call.Now);
    }

    private static IResult AlarmList(NbiCall call)
    {
        var r = call.Request;
        var @params = r.Echo("stationCodes", "sns", "beginTime", "endTime", "language", "levels", "devTypes");
        var fleet = call.World.Fleet;
        IEnumerable<SimPlant> plants;
        HashSet<string>? sns = null;
        if (r.List("stationCodes").Count > 0)
        {
            if (Plants(call) is not { } p) return PlantError(call, @params);
            plants = p;
        }
        else if (r.List("sns") is { Count: > 0 } snList)
        {
            if (snList.Count > 100) return NbiResults.Fail(20017, @params, call.Now);
            if (snList.Any(sn => !fleet.DevicesBySn.TryGetValue(sn, out var d) || !call.Caller.PlantCodes.Contains(d.StationCode)))
                return NbiResults.Fail(20008, @params, call.Now);
            sns = [.. snList];
            plants = snList.Select(sn => fleet.PlantsByCode[fleet.DevicesBySn[sn].StationCode]).Distinct();
        }
        else return NbiResults.Fail(20055, @params, call.Now);

        if (!r.TryLong("beginTime", out var begin) || !r.TryLong("endTime", out var end) || begin is null || end is null)
            return NbiResults.Fail(20012, @params, call.Now);
        if (begin < 0 || end < 0) return NbiResults.Fail(20605, @params, call.Now);
        if (begin > end) return NbiResults.Fail(20023, @params, call.Now);
        var language = r.String("language");
        if (string.IsNullOrEmpty(language)) return NbiResults.Fail(20024, @params, call.Now);
        if (!Languages.Contains(language)) return NbiResults.Fail(20025, @params, call.Now);
        var levels = r.List("levels").Select(x => int.TryParse(x, out var v) ? v : -1).ToHashSet();
        var types = r.List("devTypes").Select(x => int.TryParse(x, out var v) ? v : -1).ToHashSet();

        var now = DateTimeOffset.FromUnixTimeMilliseconds(call.Now);
        var list = new JsonArray();
        foreach (var plant in plants)
        {
            foreach (var a in AlarmModel.ActiveAt(call.World.Seed, fleet, plant, now).OrderByDescending(a => a.RaisedAt))
            {
                var raised = a.RaisedAt.ToUnixTimeMilliseconds();
                if (raised < begin || raised > end) continue;
                if (levels.Count > 0 && !levels.Contains(a.Definition.Level)) continue;
                if (types.Count > 0 && !types.Contains(a.Device.TypeId)) continue;
                if (sns is not null && !sns.Contains(a.Device.Esn)) continue;
                list.Add(new JsonObject
                {
                    ["alarmCause"] = a.Definition.Cause,
                    ["alarmId"] = a.Definition.AlarmId,
                    ["alarmName"] = a.Definition.Name,
                    ["alarmType"] = a.Definition.AlarmType,
                    ["causeId"] = a.Definition.CauseId,
                    ["devName"] = a.Device.Name,
                    ["devTypeId"] = a.Device.TypeId,
                    ["esnCode"] = a.Device.Esn,
                    ["lev"] = a.Definition.Level,
                    ["raiseTime"] = raised,
                    ["repairSuggestion"] = a.Definition.RepairSuggestion,
                    ["stationCode"] = plant.Code,
                    ["stationName"] = plant.Name,
                    ["status"] = 1,
                });
            }
        }
        return NbiResults.Ok(@params, list, call.Now);
    }

    private static IResult StationReport(NbiCall call, ReportPeriod period)
    {
        var @params = call.Request.Echo("stationCodes", "collectTime");
        if (Plants(call) is not { } plants) return PlantError(call, @params);
        if (!call.Request.TryLong("collectTime", out var collect) || collect is null || collect < 0)
            return NbiResults.Fail(20012, @params, call.Now);
        var list = new JsonArray();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(call.Now);
        foreach (var plant in plants)
        {
            foreach (var (start, totals) in Reports.Periods(call.World.Simulator(plant), period, DateTimeOffset.FromUnixTimeMilliseconds(collect.Value), now))
            {
                list.Add(new JsonObject
                {
                    ["dataItemMap"] = call.Quirks.Map(Reports.StationItems(plant, totals, period)),
                    ["stationCode"] = plant.Code,
                    ["collectTime"] = start.ToUnixTimeMilliseconds(),
                });
            }
        }
        return NbiResults.Ok(@params, list, call.Now);
    }

    private static IResult DeviceReport(NbiCall call, ReportPeriod period)
    {
        var @params = call.Request.Echo("devIds", "sns", "devTypeId", "collectTime");
        var (devices, failCode) = Devices(call, KpiCatalog.ReportTypes, 100);
        if (devices is null) return NbiResults.Fail(failCode, @params, call.Now);
        if (!call.Request.TryLong("collectTime", out var collect) || collect is null || collect < 0)
            return NbiResults.Fail(20012, @params, call.Now);
        var list = new JsonArray();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(call.Now);
        foreach (var d in devices)
        {
            var plant = call.World.Fleet.PlantsByCode[d.StationCode];
            foreach (var (start, totals) in Reports.Periods(call.World.Simulator(plant), period, DateTimeOffset.FromUnixTimeMilliseconds(collect.Value), now))
            {
                list.Add(new JsonObject
                {
                    ["dataItemMap"] = call.Quirks.Map(Reports.DeviceItems(plant, d, totals)),
                    ["devId"] = d.Id,
                    ["sn"] = d.Esn,
                    ["collectTime"] = start.ToUnixTimeMilliseconds(),
                });
            }
        }
        return NbiResults.Ok(@params, list, call.Now);
    }

    /// <summary>
    /// The requested plants the caller may read, in request order. Codes of plants not bound to the caller are left out
    /// (reference 8.3: no data, or only part of it). Null when the list is empty, too long or names none of its plants.
    /// </summary>
    private static List<SimPlant>? Plants(NbiCall call)
    {
        var codes = call.Request.List("stationCodes");
        if (codes.Count == 0 || codes.Count > 100) return null;
        var known = codes.Distinct().Where(call.Caller.PlantCodes.Contains).Select(c => call.World.Fleet.PlantsByCode[c]).ToList();
        return known.Count > 0 ? known : null;
    }

    private static IResult PlantError(NbiCall call, JsonObject @params)
    {
        var codes = call.Request.List("stationCodes");
        var code = codes.Count == 0 ? 20010 : codes.Count > 100 ? 20014 : call.Caller.IsOAuth ? 20056 : 20007;
        return NbiResults.Fail(code, @params, call.Now);
    }

    /// <summary>Devices chosen by devIds (or sns), all of the requested devTypeId and readable by the caller.</summary>
    private static (List<SimDevice>? Devices, int FailCode) Devices(NbiCall call, IReadOnlySet<int> supportedTypes, int max)
    {
        var r = call.Request;
        var fleet = call.World.Fleet;
        var byIds = r.List("devIds");
        var bySns = r.List("sns");
        if (byIds.Count == 0 && bySns.Count == 0) return (null, 20005);
        if (!r.TryLong("devTypeId", out var type) || type is null || !supportedTypes.Contains((int)type)) return (null, 20013);
        var keys = byIds.Count > 0 ? byIds : bySns;
        if (keys.Count > max) return (null, byIds.Count > 0 ? 20016 : 20017);
        var devices = new List<SimDevice>();
        foreach (var key in keys)
        {
            SimDevice? d = null;
            if (byIds.Count > 0 ? long.TryParse(key, out var id) && fleet.DevicesById.TryGetValue(id, out d) : fleet.DevicesBySn.TryGetValue(key, out d)) { }
            if (d is null || !call.Caller.PlantCodes.Contains(d.StationCode)) return (null, 20008);
            devices.Add(d);
        }
        if (devices.Any(d => d.TypeId != type)) return (null, 20006);
        return (devices.DistinctBy(d => d.Id).ToList(), 0);
    }
}
