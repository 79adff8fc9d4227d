namespace SolarDashboard.Vendors.FusionSolar.Sync;

/// <summary>
/// Turns reference section 4 into a schedule before any call is made. API accounts: each API has its own budget from the
/// 4.2 formulas; every job runs as often as its budget allows, no more often than the data changes. OAuth owners: one
/// daily budget of 1000 basic calls (4.1) shared by all jobs: essentials first, then real-time as fresh as fits, then
/// history backfill with the rest. 5 % of every budget is kept back for retries after a restart.
/// </summary>
public static class FusionSolarPlanner
{
    public const int OAuthBasicPerDay = 1000;
    public const int OAuthControlPerDay = 100;

    /// <summary>Control API calls are logged as "control/…" and count against the separate control budget (4.1).</summary>
    public static bool IsControlApi(string api) => api.StartsWith("control/", StringComparison.Ordinal);
    public const double Reserve = 0.05;

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    /// <summary>Device types each API accepts (reference 5.1.2.2, 5.1.2.3, 5.1.4.5): only these are asked for.</summary>
    public static readonly IReadOnlySet<int> RealTimeTypes = new HashSet<int> { 1, 10, 17, 38, 39, 41, 47, 60001, 60003, 60043, 60044, 60092, 60014, 60010 };
    public static readonly IReadOnlySet<int> HistoryTypes = new HashSet<int> { 1, 10, 17, 38, 39, 41, 47, 60001, 60003, 60043, 60014, 60010 };
    public static readonly IReadOnlySet<int> ReportTypes = new HashSet<int> { 1, 38, 39, 41 };

    public static string ApiOf(DataClass c) => c switch
    {
        DataClass.PlantList => "stations",
        DataClass.DeviceList => "getDevList",
        DataClass.PlantRealTime => "getStationRealKpi",
        DataClass.DeviceRealTime => "getDevRealKpi",
        DataClass.Alarms => "getAlarmList",
        DataClass.PlantHourReport => "getKpiStationHour",
        DataClass.PlantDayReport => "getKpiStationDay",
        DataClass.PlantMonthReport => "getKpiStationMonth",
        DataClass.PlantYearReport => "getKpiStationYear",
        DataClass.DeviceDayReport => "getDevKpiDay",
        DataClass.DeviceMonthReport => "getDevKpiMonth",
        DataClass.DeviceYearReport => "getDevKpiYear",
        _ => "getDevHistoryKpi", // History and HistoryBackfill share the API and its budget
    };

    /// <summary>
    /// The 4.2 budget of one API for an API account. "Devices of each type" counts every type the account manages: the
    /// reference's worked example for daily device data counts meters (2 + 2 + 24 = 28) though that API does not accept them.
    /// </summary>
    public static Budget ApiAccountBudget(DataClass c, Inventory inv)
    {
        var plants = Up(inv.Plants, 100);
        var api = ApiOf(c);
        return c switch
        {
            DataClass.PlantList => new(api, Day, plants * 10 + 24),
            DataClass.DeviceList => new(api, Day, plants + 24),
            DataClass.PlantRealTime => new(api, FiveMinutes, plants),
            DataClass.DeviceRealTime => new(api, FiveMinutes, PerType(inv, null, 100)),
            DataClass.History or DataClass.HistoryBackfill => new(api, Day, PerType(inv, null, 10) + 24),
            DataClass.Alarms => new(api, TimeSpan.FromMinutes(30), Math.Max(plants, PerType(inv, null, 100))),
            DataClass.PlantHourReport or DataClass.PlantDayReport or DataClass.PlantMonthReport or DataClass.PlantYearReport => new(api, Day, plants + 24),
            _ => new(api, Day, PerType(inv, null, 100) + 24),
        };
    }

    /// <summary>Calls one run of a job takes: batches of 100 plants or devices, history in groups of 10 devices.</summary>
    public static int CallsPerRun(DataClass c, Inventory inv) => c switch
    {
        DataClass.DeviceRealTime => PerType(inv, RealTimeTypes, 100),
        DataClass.DeviceDayReport or DataClass.DeviceMonthReport or DataClass.DeviceYearReport => PerType(inv, ReportTypes, 100),
        DataClass.History => PerType(inv, HistoryTypes, 10),
        DataClass.HistoryBackfill => PerType(inv, HistoryTypes, 10) > 0 ? 1 : 0,
        _ => Math.Max(1, Up(inv.Plants, 100)),
    };

    /// <summary>How often each kind of data is worth fetching at most (it changes no faster).</summary>
    public static TimeSpan Preferred(DataClass c) => c switch
    {
        DataClass.PlantList or DataClass.DeviceList => TimeSpan.FromHours(6),
        DataClass.PlantRealTime or DataClass.DeviceRealTime => FiveMinutes,
        DataClass.Alarms => TimeSpan.FromMinutes(10),
        DataClass.PlantHourReport => TimeSpan.FromHours(1),
        DataClass.PlantDayReport => TimeSpan.FromHours(3),
        DataClass.DeviceDayReport => TimeSpan.FromHours(6),
        DataClass.PlantMonthReport or DataClass.DeviceMonthReport => TimeSpan.FromHours(12),
        DataClass.PlantYearReport or DataClass.DeviceYearReport => TimeSpan.FromDays(1),
        _ => TimeSpan.FromDays(1), // the daily history pass: the last three days of every device
    };

    /// <summary>
    /// Calls a day kept free on each plant report API for asking again for a period that has just ended (see
    /// FinishedPeriod): hour reports close yesterday once a day (twice, when the plants span more time zones than one
    /// collectTime can serve); months and years end rarely but in each time zone at its own hour, so the other report
    /// APIs, whose preferred pace leaves room anyway, keep one call. Device day reports close their month the same way.
    /// </summary>
    public static int ClosingCallsPerDay(DataClass c, Inventory inv) => c switch
    {
        DataClass.PlantHourReport => 2 * CallsPerRun(c, inv),
        DataClass.PlantDayReport or DataClass.PlantMonthReport or DataClass.PlantYearReport or DataClass.DeviceDayReport => CallsPerRun(c, inv),
        _ => 0,
    };

    public static SyncPlan Plan(bool oauth, Inventory inv) => oauth ? PlanOAuth(inv) : PlanApiAccount(inv);

    private static SyncPlan PlanApiAccount(Inventory inv)
    {
        var jobs = new List<PlannedJob>();
        foreach (var c in Enum.GetValues<DataClass>().Where(c => c != DataClass.HistoryBackfill))
        {
            var budget = ApiAccountBudget(c, inv);
            var calls = CallsPerRun(c, inv);
            var usable = (int)Math.Floor(budget.Limit * (1 - Reserve)) - ClosingCallsPerDay(c, inv);
            if (budget.Window < TimeSpan.FromHours(1)) usable = budget.Limit; // a 5- or 30-minute window has nothing to spare
            var runs = calls == 0 ? 0 : usable / calls;
            var interval = runs == 0 ? TimeSpan.Zero : Max(Preferred(c), RoundUp(budget.Window / runs));
            jobs.Add(new PlannedJob(c, budget.Bucket, calls, calls == 0 || runs == 0 ? TimeSpan.Zero : interval, budget));
        }
        var history = ApiAccountBudget(DataClass.History, inv);
        var backfill = Math.Max(0, (int)Math.Floor(history.Limit * (1 - Reserve)) - (int)Math.Ceiling(jobs.Single(j => j.Class == DataClass.History).CallsPerDay));
        jobs.Add(Backfill(inv, backfill, history));
        return new SyncPlan(false, jobs, backfill);
    }

    private static SyncPlan PlanOAuth(Inventory inv)
    {
        var budget = new Budget("basic", Day, OAuthBasicPerDay);
        var usable = (int)Math.Floor(OAuthBasicPerDay * (1 - Reserve));
        var jobs = new List<PlannedJob>();
        PlannedJob Add(DataClass c, TimeSpan interval)
        {
            var job = new PlannedJob(c, budget.Bucket, CallsPerRun(c, inv), CallsPerRun(c, inv) == 0 ? TimeSpan.Zero : interval, budget);
            jobs.Add(job);
            return job;
        }

        // Essentials at their preferred pace (alarms every 30 minutes: the API-account rule's window).
        foreach (var c in new[] { DataClass.PlantList, DataClass.DeviceList, DataClass.PlantHourReport, DataClass.PlantDayReport, DataClass.PlantMonthReport,
                     DataClass.PlantYearReport, DataClass.DeviceDayReport, DataClass.DeviceMonthReport, DataClass.DeviceYearReport, DataClass.History })
            Add(c, Preferred(c));
        Add(DataClass.Alarms, TimeSpan.FromMinutes(30));
        var left = usable - jobs.Sum(j => j.CallsPerDay) - Enum.GetValues<DataClass>().Sum(c => ClosingCallsPerDay(c, inv));

        // Real-time with what is left, keeping a tenth for history backfill: plants every 5 minutes if at all possible,
        // devices at the fastest 5-minute multiple that still fits.
        var forRealTime = left * 0.9;
        var plantCalls = CallsPerRun(DataClass.PlantRealTime, inv);
        var plantInterval = FastestFitting(plantCalls, forRealTime * 0.5);
        var plantJob = Add(DataClass.PlantRealTime, plantInterval);
        var deviceInterval = FastestFitting(CallsPerRun(DataClass.DeviceRealTime, inv), forRealTime - plantJob.CallsPerDay);
        Add(DataClass.DeviceRealTime, deviceInterval);

        var backfill = Math.Max(0, (int)Math.Floor(usable - jobs.Sum(j => j.CallsPerDay) - Enum.GetValues<DataClass>().Sum(c => ClosingCallsPerDay(c, inv))));
        jobs.Add(Backfill(inv, backfill, budget));
        return new SyncPlan(true, jobs, backfill);
    }

    /// <summary>One backfill call per run, spread evenly over the day.</summary>
    private static PlannedJob Backfill(Inventory inv, int callsPerDay, Budget budget)
    {
        var calls = CallsPerRun(DataClass.HistoryBackfill, inv);
        var interval = calls == 0 || callsPerDay == 0 ? TimeSpan.Zero : Max(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(Math.Ceiling(1440.0 / callsPerDay)));
        return new PlannedJob(DataClass.HistoryBackfill, budget.Bucket, calls, interval, budget);
    }

    /// <summary>The shortest multiple of 5 minutes at which <paramref name="calls"/> per run fit in <paramref name="perDay"/>.</summary>
    private static TimeSpan FastestFitting(int calls, double perDay)
    {
        if (calls == 0) return TimeSpan.Zero;
        for (var minutes = 5; minutes <= 24 * 60; minutes += 5)
            if (calls * (1440.0 / minutes) <= perDay) return TimeSpan.FromMinutes(minutes);
        return TimeSpan.FromDays(1);
    }

    private static TimeSpan RoundUp(TimeSpan t) => TimeSpan.FromMinutes(Math.Ceiling(t.TotalMinutes / 5) * 5);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Σ Roundup(devices of a type / per), over the given types, or over every type when none are given.</summary>
    private static int PerType(Inventory inv, IReadOnlySet<int>? types, int per) =>
        inv.DevicesByType.Where(t => types is null || types.Contains(t.Key)).Sum(t => Up(t.Value, per));

    private static int Up(int n, int per) => (n + per - 1) / per;
}
