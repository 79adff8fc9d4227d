namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// The fields of each answer object, in the reference's (alphabetical) order. PBD history and central HPS real-time are
/// the reference's own lists; the others follow them (ASSUMPTIONS.md says how).
/// </summary>
internal static class AtessFields
{
    /// <summary>OpenApiPbdDataVo, 78 fields (PBD history page).</summary>
    public static readonly string[] Pbd =
    [
        "bipvBuck1", "bipvBuck2", "bipvBuck3", "bipvBuck4", "bipvBuck5", "bmsStatus", "bmsSystemStatus", "bmsVoltStatus",
        "bvbus", "capacity", "checkTime", "deviceSn", "ebatChargeTimeTotal", "ebatChargeTotal", "ebatDischargeTimeTotal",
        "ebatDischargeTotal", "echargeTimeToday", "echargeToday", "edischargeTimeToday", "edischargeToday", "epvTimeToday",
        "epvTimeTotal", "epvToday", "epvTotal", "ibat", "ipv", "ipv2dc", "ipv3", "ipv4", "ipv5", "maxChargeCurr",
        "maxDischargeCurr", "maxTemp", "maxTempGroup", "maxTempNum", "maxVolt", "maxVoltCell", "maxVoltGroup", "maxVoltNum",
        "minTemp", "minTempGroup", "minTempNum", "minVolt", "minVoltCell", "minVoltGroup", "minVoltNum", "mvpv",
        "outDailyDischarge", "outInductanceCurr1", "outInductanceCurr2", "outInductanceTemp", "outPower", "outTemp",
        "outTotalDischarge", "outi", "outv", "pac", "pcsBatChargingPower", "pcsOutputPower", "ppv", "ppv1", "ppv2", "ppv3",
        "ppv4", "ppv5", "pvInductanceTemp", "pvTemp", "runModel", "status", "systemNo", "temp", "time", "vbat", "vpv", "vpv2",
        "vpv3", "vpv4", "vpv5",
    ];

    /// <summary>OpenApiCentralTypeHpsDataVo, 132 fields (central HPS real-time page), for the HPS100HV/HPS150HV models.</summary>
    public static readonly string[] HpsCentralHv =
    [
        "atsBypass", "bactivePower", "bapparentPower", "bipvBuck3", "bmsStatus", "bmsSystemStatus", "bmsVoltStatus",
        "breactivePower", "bvbus", "bypassFreq", "capacity", "checkTime", "cpActivePower", "cpPowerLimit",
        "dailyEnergyFromMeter", "dailyEnergyToMeter", "dailyNonCriticalEnergy", "deviceSn", "dgActivePower", "dgApparentPower",
        "dgCurrentU", "dgCurrentV", "dgCurrentW", "dgGridSelect", "dgReactivePower", "dgTodayIntakePower", "dgTodayIntakeTime",
        "dgTotalIntakePower", "dgTotalIntakeTime", "ebatChargeTimeTotal", "ebatChargeTotal", "ebatDischargeTimeTotal",
        "ebatDischargeTotal", "echargeTimeToday", "echargeToday", "edischargeTimeToday", "edischargeToday", "egridTimeToday",
        "egridTimeTotal", "egridToday", "egridTotal", "eloadTimeToday", "eloadTimeTotal", "eloadToday", "eloadTotal",
        "epvTimeToday", "epvTimeTotal", "epvToday", "epvTotal", "etoGridTimeToday", "etoGridTimeTotal", "etoGridToday",
        "etoGridTotal", "fac", "gvpvuv", "gvpvvw", "gvpvwu", "ibat", "ibuck1", "ibuck2", "ipv", "ipva", "ipvb", "ipvc", "ipvu",
        "ipvv", "ipvw", "loadActivePower", "loadApparentPower", "loadIu", "loadIv", "loadIw", "loadPf", "loadReactivePower",
        "maxChargeCurr", "maxDischargeCurr", "maxTemp", "maxTempGroup", "maxTempNum", "maxVolt", "maxVoltCell", "maxVoltGroup",
        "maxVoltNum", "meterCurrentU", "meterCurrentV", "meterCurrentW", "meterPower", "meterQ", "meterS", "minTemp",
        "minTempGroup", "minTempNum", "minVolt", "minVoltCell", "minVoltGroup", "minVoltNum", "mvpv", "nonCriticalLoad", "outvu",
        "outvv", "outvw", "pac", "pf", "ppv", "ppv1", "ppv2", "ppv3", "pv1Volt", "pv2NegVolt", "pv2Volt", "pv3NegVolt",
        "pv3PosVolt", "pv3Volt", "runModel", "scrTemp", "status", "systemNo", "temp", "temp1", "temp3", "temp4", "time",
        "totalEnergyFromMeter", "totalEnergyToMeter", "totalNonCriticalEnergy", "vbat", "vpv", "vpv2", "vpv3", "vpvuv", "vpvvw",
        "vpvwu",
    ];

    /// <summary>The fields the reference types as strings and lists only among the HPS100HV/HPS150HV additions.</summary>
    public static readonly HashSet<string> HvOnly =
        ["bipvBuck3", "bvbus", "ppv1", "ppv2", "ppv3", "pv1Volt", "pv2NegVolt", "pv2Volt", "pv3NegVolt", "pv3PosVolt", "pv3Volt", "vpv2", "vpv3"];

    /// <summary>Central HPS of other models and string-type HPS: the central list without the HV-only fields (119).</summary>
    public static readonly string[] Hps = [.. HpsCentralHv.Where(f => !HvOnly.Contains(f))];

    /// <summary>PCS: the HPS list without PV (109).</summary>
    public static readonly string[] Pcs =
        [.. Hps.Where(f => f is not ("ppv" or "vpv" or "ipv" or "ibuck1" or "ibuck2" or "epvToday" or "epvTotal" or "epvTimeToday" or "epvTimeTotal" or "temp3"))];

    /// <summary>BCU and MBMS data: the battery fields the HPS and PBD lists share (36).</summary>
    public static readonly string[] Bms =
    [
        "bmsStatus", "bmsSystemStatus", "bmsVoltStatus", "capacity", "deviceSn", "ebatChargeTimeTotal", "ebatChargeTotal",
        "ebatDischargeTimeTotal", "ebatDischargeTotal", "echargeTimeToday", "echargeToday", "edischargeTimeToday", "edischargeToday",
        "ibat", "maxChargeCurr", "maxDischargeCurr", "maxTemp", "maxTempGroup", "maxTempNum", "maxVolt", "maxVoltCell",
        "maxVoltGroup", "maxVoltNum", "minTemp", "minTempGroup", "minTempNum", "minVolt", "minVoltCell", "minVoltGroup",
        "minVoltNum", "mvpv", "pac", "status", "systemNo", "time", "vbat",
    ];

    /// <summary>OpenApiBcuInfoVo, 9 fields (BCU list page); every family's base info uses it.</summary>
    public static readonly string[] BaseInfo = ["address", "dataLogSn", "deviceNo", "deviceSn", "firmwareVersion", "lost", "status", "systemNo", "updateTime"];

    /// <summary>HPS, PCS and PBD base info: the BCU's nine fields plus the model (HPS150HV, PCS100, …).</summary>
    public static readonly string[] BaseInfoWithModel = ["address", "dataLogSn", "deviceNo", "deviceSn", "firmwareVersion", "lost", "model", "status", "systemNo", "updateTime"];

    public static readonly string[] DataLog = ["createTime", "dataLogSn", "deviceCount", "firmwareVersion", "lost", "plantId", "updateTime"];

    public static readonly string[] Plant = ["address", "capacity", "city", "country", "createTime", "installDate", "latitude", "longitude", "plantId", "plantName", "timeZone"];
}
