using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Queries;

namespace SolarDashboard.Components.Monitoring;

/// <summary>
/// A plant's energy report for one period as CSV rows: the plant-local start of each hour, day, month or year, then the
/// standard energies in kWh that the vendor reported for that period (a flow nobody reported has no column).
/// </summary>
public static class EnergyReportCsv
{
    public static (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows) Build(IReadOnlyList<EnergyPoint> reports)
    {
        var measures = StandardMeasure.PeriodEnergy.Where(m => reports.Any(r => r.Energy.Has(m))).ToList();
        IReadOnlyList<string> header = ["period_start_plant_local", .. measures.Select(m => m.Key)];
        return (header, reports.Select(r => (IReadOnlyList<object?>)[r.LocalStart, .. measures.Select(m => (object?)r.Energy[m])]));
    }

    /// <summary>The download address for the period a chart shows.</summary>
    public static string Href(int plantId, EnergyPeriod period) =>
        $"plants/{plantId}/energy.csv?period={period.Period}&anchor={period.Anchor:yyyy-MM-dd}";
}
