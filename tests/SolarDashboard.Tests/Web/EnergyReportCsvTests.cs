using SolarDashboard.Components.Monitoring;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Reports;

namespace SolarDashboard.Tests.Web;

/// <summary>The plant energy report CSV: plant-local period starts, only the flows reported, the chart's period in its address.</summary>
public sealed class EnergyReportCsvTests
{
    [Fact]
    public void Rows_carry_the_plant_local_start_and_only_the_energies_the_vendor_reported()
    {
        EnergyPoint Day(string day, double pv, double? load) => new(day, DateTimeOffset.UnixEpoch,
            new StandardValues().Set(StandardMeasure.PvKwh, pv).Set(StandardMeasure.LoadKwh, load));
        var (header, rows) = EnergyReportCsv.Build([Day("2026-11-29", 12.5, 9.25), Day("2026-11-30", 3, null)]);

        Assert.Equal(["period_start_plant_local", "pv_kwh", "load_kwh"], header);
        Assert.Equal([["2026-11-29", 12.5, 9.25], ["2026-11-30", 3.0, null]], rows.Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void The_download_address_names_the_period_the_chart_shows()
    {
        var november = EnergyPeriod.Day(new DateOnly(2026, 12, 1)).WithPeriod(ReportPeriod.Day).Step(-1);
        Assert.Equal("plants/7/energy.csv?period=Day&anchor=2026-11-01", EnergyReportCsv.Href(7, november));
    }
}
