using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// Reference section 4. API accounts: per-API budgets from the account's plant and device counts (4.2), each in a
/// fixed window aligned to the simulated UTC clock (a day, 5 minutes, 30 minutes, 10 minutes). OAuth owners: 1000
/// basic and 100 control calls per UTC day (4.1). A call over budget is answered with 407 and is not counted.
/// "Devices of each type" counts every type the account manages, as the reference's worked examples do (its daily
/// device data example counts meters, which that API does not accept).
/// </summary>
public sealed class FlowControl(SandboxWorld world, SandboxOptions options)
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Caller, string Bucket), (long Window, int Count)> _used = [];

    public static bool IsControl(NbiApi api) => api >= NbiApi.ChargeDischargeTask;

    /// <summary>Counts the call and returns true, or returns false when the budget of its window is spent.</summary>
    public bool TryConsume(string callerKey, bool isOAuth, NbiApi api, IReadOnlyList<string> plantCodes)
    {
        var (window, limit, bucket) = isOAuth
            ? (TimeSpan.FromDays(1), IsControl(api) ? 100 : 1000, IsControl(api) ? "control" : "basic")
            : ApiAccountBudget(api, plantCodes);
        if (options.FlowControl == FlowControlMode.Relaxed) limit *= 1000;
        var index = world.Clock.UtcNow.UtcTicks / window.Ticks;
        lock (_gate)
        {
            var key = (callerKey, bucket);
            var (w, count) = _used.GetValueOrDefault(key);
            if (w != index) count = 0;
            if (count >= limit) return false;
            _used[key] = (index, count + 1);
            return true;
        }
    }

    /// <summary>Calls counted in the current window, for the admin view and tests.</summary>
    public IReadOnlyDictionary<string, int> Snapshot(string callerKey)
    {
        lock (_gate) return _used.Where(u => u.Key.Caller == callerKey).ToDictionary(u => u.Key.Bucket, u => u.Value.Count);
    }

    public (TimeSpan Window, int Limit, string Bucket) ApiAccountBudget(NbiApi api, IReadOnlyList<string> plantCodes)
    {
        var plants = plantCodes.Count;
        var devices = plantCodes.SelectMany(c => world.Fleet.DevicesByPlant[c]).ToList();
        int PerType(int per) => devices.GroupBy(d => d.TypeId).Sum(g => Up(g.Count(), per));
        var day = TimeSpan.FromDays(1);
        return api switch
        {
            NbiApi.Login or NbiApi.Logout => (TimeSpan.FromMinutes(10), 5, api.ToString()),
            NbiApi.Stations => (day, Up(plants, 100) * 10 + 24, api.ToString()),
            NbiApi.DevList => (day, Up(plants, 100) + 24, api.ToString()),
            NbiApi.StationRealKpi => (TimeSpan.FromMinutes(5), Up(plants, 100), api.ToString()),
            NbiApi.DevRealKpi => (TimeSpan.FromMinutes(5), PerType(100), api.ToString()),
            NbiApi.DevHistoryKpi => (day, PerType(10) + 24, api.ToString()),
            NbiApi.AlarmList => (TimeSpan.FromMinutes(30), Math.Max(Up(plants, 100), PerType(100)), api.ToString()),
            NbiApi.KpiStationHour or NbiApi.KpiStationDay or NbiApi.KpiStationMonth or NbiApi.KpiStationYear => (day, Up(plants, 100) + 24, api.ToString()),
            NbiApi.DevKpiDay or NbiApi.DevKpiMonth or NbiApi.DevKpiYear => (day, PerType(100) + 24, api.ToString()),
            _ => (TimeSpan.FromMinutes(1), 1, api.ToString()),
        };
    }

    private static int Up(int n, int per) => (n + per - 1) / per;
}
