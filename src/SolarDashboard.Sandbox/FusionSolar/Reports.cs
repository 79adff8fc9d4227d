using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.FusionSolar;

/// <summary>
/// Report periods of reference 5.1.4 in plant-local time: the hours of collectTime's day, the days of its month, the
/// months of its year, every year since grid connection. Each period is summed from the 5-minute intervals.
/// </summary>
public static class Reports
{
    public static IEnumerable<(DateTimeOffset Start, PeriodTotals Totals)> Periods(PlantSimulator sim, ReportPeriod period, DateTimeOffset collect, DateTimeOffset now)
    {
        var plant = sim.Plant;
        var day = plant.LocalDate(collect);
        var today = plant.LocalDate(now);
        var first = sim.FirstDay;
        switch (period)
        {
            case ReportPeriod.Hour:
                if (day < first || day > today) yield break;
                foreach (var h in sim.HourTotals(day, now)) yield return h;
                break;
            case ReportPeriod.Day:
                for (var d = new DateOnly(day.Year, day.Month, 1); d.Month == day.Month && d <= today; d = d.AddDays(1))
                    if (d >= first) yield return (plant.LocalMidnightUtc(d), sim.DayTotals(d, now));
                break;
            case ReportPeriod.Month:
                for (var m = 1; m <= 12; m++)
                {
                    var start = new DateOnly(day.Year, m, 1);
                    if (start > today) break;
                    var end = start.AddMonths(1);
                    if (end <= first) continue;
                    yield return (plant.LocalMidnightUtc(start), Sum(sim, Max(start, first), Min(end.AddDays(-1), today), now));
                }
                break;
            case ReportPeriod.Year:
                for (var y = first.Year; y <= today.Year; y++)
                {
                    var start = new DateOnly(y, 1, 1);
                    yield return (plant.LocalMidnightUtc(start), Sum(sim, Max(start, first), Min(new DateOnly(y, 12, 31), today), now));
                }
                break;
        }
    }

    public static Dictionary<string, double?> StationItems(SimPlant plant, PeriodTotals t, ReportPeriod period)
    {
        var e = t.Energy;
        var theory = e.Irradiation * plant.CapacityKwp;
        var selfUse = Math.Max(0, e.PvAc - e.Export);
        var items = new Dictionary<string, double?>
        {
            ["radiation_intensity"] = R(e.Irradiation, 3),
            ["theory_power"] = R(theory),
            ["inverter_power"] = R(e.PvAc),
            ["ongrid_power"] = R(e.Export),
            ["power_profit"] = R(e.PvAc * plant.PricePerKwh),
            ["chargeCap"] = R(e.Charge),
            ["dischargeCap"] = R(e.Discharge),
            ["selfProvide"] = R(selfUse),
            ["PVYield"] = R(e.PvAc),
            ["inverterYield"] = R(e.PvAc),
        };
        if (period == ReportPeriod.Hour) return items;
        items["installed_capacity"] = plant.CapacityKwp;
        items["performance_ratio"] = theory > 0 ? R(e.PvAc / theory * 100) : 0;
        items["use_power"] = R(e.Load);
        items["perpower_ratio"] = R(e.PvAc / plant.CapacityKwp, 3);
        items["reduction_total_co2"] = R(e.PvAc * 0.000997, 3);
        items["reduction_total_coal"] = R(e.PvAc * 0.0004, 3);
        items["reduction_total_tree"] = null; // reserved by the vendor: "the value cannot be obtained"
        items["buyPower"] = R(e.Import);
        items["selfUsePower"] = R(selfUse);
        return items;
    }

    public static Dictionary<string, double?> DeviceItems(SimPlant plant, SimDevice device, PeriodTotals t) => device.TypeId switch
    {
        DevType.StringInverter or DevType.ResidentialInverter => new()
        {
            ["installed_capacity"] = R(plant.CapacityKwp * device.PvShare, 3),
            ["product_power"] = R(t.Energy.PvAc * device.PvShare),
            ["perpower_ratio"] = R(t.Energy.PvAc / plant.CapacityKwp, 3),
        },
        DevType.Battery => new()
        {
            ["charge_cap"] = R(t.Energy.Charge),
            ["discharge_cap"] = R(t.Energy.Discharge),
            ["charge_time"] = R(t.ChargeHours),
            ["discharge_time"] = R(t.DischargeHours),
        },
        _ => new() { ["charge_cap"] = R(t.Energy.Charge), ["discharge_cap"] = R(t.Energy.Discharge) },
    };

    private static PeriodTotals Sum(PlantSimulator sim, DateOnly from, DateOnly to, DateTimeOffset now)
    {
        var days = new List<PeriodTotals>();
        for (var d = from; d <= to; d = d.AddDays(1)) days.Add(sim.DayTotals(d, now));
        return PeriodTotals.Sum(days);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static double R(double v, int digits = 2) => Math.Round(v, digits);
}
