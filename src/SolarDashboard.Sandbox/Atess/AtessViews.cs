using System.Globalization;
using System.Text.Json.Nodes;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>The answer objects for plants, datalogs, base info and settings.</summary>
internal static class AtessViews
{
    public static JsonObject Plant(AtessPlant p) => new AtessRow()
        .S("address", p.Address).N("capacity", p.CapacityKwp, 2).S("city", p.City).S("country", p.Country)
        .S("createTime", AtessTime.Local(p.CreateTime, p.Zone))
        .S("installDate", p.InstallDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        .N("latitude", p.Latitude, 6).N("longitude", p.Longitude, 6).I("plantId", p.Id).S("plantName", p.Name).S("timeZone", p.Zone.Id)
        .Emit(AtessFields.Plant);

    public static JsonObject DataLog(AtessDataLog log, AtessPlant plant, DateTimeOffset? lastUpload) => new AtessRow()
        .S("createTime", log.BoundAt is { } b ? AtessTime.Local(b, plant.Zone) : null)
        .S("dataLogSn", log.Sn).I("deviceCount", log.Devices.Count).S("firmwareVersion", log.Firmware).B("lost", log.Lost)
        .I("plantId", plant.Id).S("updateTime", lastUpload is { } u ? AtessTime.Local(u, plant.Zone) : null)
        .Emit(AtessFields.DataLog);

    public static JsonObject BaseInfo(AtessDevice d, AtessDataLog log, AtessPlant plant, DateTimeOffset? lastUpload, IReadOnlyDictionary<string, double> settings)
    {
        var row = new AtessRow()
            .I("address", d.Spec.Address).S("dataLogSn", log.Sn).I("deviceNo", d.Spec.DeviceNo).S("deviceSn", d.Sn)
            .S("firmwareVersion", d.Spec.Firmware).B("lost", log.Lost).S("model", d.Spec.Model)
            .S("status", Status(d, log, settings)).I("systemNo", d.Spec.SystemNo)
            .S("updateTime", lastUpload is { } u ? AtessTime.Local(u, plant.Zone) : null);
        return row.Emit(d.Family is AtessFamily.Bcu or AtessFamily.Mbms ? AtessFields.BaseInfo : AtessFields.BaseInfoWithModel);
    }

    /// <summary>"normal", "off" (switched off), "fault" (parallel count wrong) or, for a rack whose inverter stopped, "standby".</summary>
    private static string Status(AtessDevice d, AtessDataLog log, IReadOnlyDictionary<string, double> settings)
    {
        if (d.Family is AtessFamily.Bcu or AtessFamily.Mbms)
        {
            var inverter = log.Devices.FirstOrDefault(x => x.Spec.SystemNo == d.Spec.SystemNo && x.Family is AtessFamily.HpsCentral or AtessFamily.HpsString or AtessFamily.Pcs);
            return inverter is not null && Status(inverter, log, inverter.Settings) != "normal" ? "standby" : "normal";
        }
        var installed = d.Family == AtessFamily.Pbd ? 1 : log.Kit.System(d.Spec.SystemNo).ParallelUnits;
        if (settings.GetValueOrDefault("onOff", 1) == 0) return "off";
        return (int)settings.GetValueOrDefault("parallelNum", installed) != installed ? "fault" : "normal";
    }

    public static JsonObject Settings(AtessDevice d, IReadOnlyDictionary<string, double> settings)
    {
        var o = new JsonObject { ["deviceSn"] = d.Sn };
        foreach (var def in AtessSettings.For(d.Family).OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            var v = settings[def.Key];
            o[def.Key] = def.Integer ? JsonValue.Create((long)v) : JsonValue.Create(v);
        }
        return o;
    }

    public static JsonObject Pager(IEnumerable<JsonNode> rows, long pageNo, int pageSize, long total) => new()
    {
        ["datas"] = new JsonArray([.. rows]),
        ["offset"] = pageNo > int.MaxValue ? long.MaxValue : (pageNo - 1) * pageSize,
        ["pageNo"] = pageNo,
        ["pageSize"] = pageSize,
        ["total"] = total,
    };
}
