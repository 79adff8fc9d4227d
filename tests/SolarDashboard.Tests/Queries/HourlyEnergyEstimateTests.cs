using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.TimeSeries;

namespace SolarDashboard.Tests.Queries;

public sealed class HourlyEnergyEstimateTests
{
    // 08:00 UTC is 10:00 in Berlin (CEST).
    private static readonly DateTimeOffset T0 = new(2026, 6, 17, 8, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<SeriesPoint> EveryFiveMinutes(int count, Func<int, double> kw) =>
        Enumerable.Range(0, count).Select(i => new SeriesPoint(T0.AddMinutes(5 * i), kw(i))).ToList();

    [Fact]
    public void Steady_power_for_an_hour_is_that_many_kwh_in_that_plant_local_hour()
    {
        var hours = HourlyEnergyEstimate.FromCurves(new Dictionary<string, IReadOnlyList<SeriesPoint>>
        {
            ["PV"] = EveryFiveMinutes(13, _ => 3), ["Load"] = EveryFiveMinutes(13, _ => 1.2),
        }, "Europe/Berlin");

        var hour = Assert.Single(hours);
        Assert.Equal("2026-06-17T10:00", hour.LocalStart);
        Assert.Equal(T0, hour.StartsAt);
        Assert.Equal(3, hour.Energy[StandardMeasure.PvKwh]!.Value, 9);
        Assert.Equal(1.2, hour.Energy[StandardMeasure.LoadKwh]!.Value, 9);
    }

    [Fact]
    public void Signed_battery_and_grid_power_split_into_charging_discharging_from_and_to_grid()
    {
        // Half an hour charging at 2 kW and importing 1 kW, then half an hour discharging 2 kW and exporting 1 kW.
        var hours = HourlyEnergyEstimate.FromCurves(new Dictionary<string, IReadOnlyList<SeriesPoint>>
        {
            ["Battery"] = EveryFiveMinutes(13, i => i <= 6 ? 2 : -2), ["Grid"] = EveryFiveMinutes(13, i => i <= 6 ? 1 : -1),
        }, "Europe/Berlin");

        var e = Assert.Single(hours).Energy;
        // The step across the sign change (2 → −2) counts half of each side: 6 × 5 min at 2 kW + 2.5 min at 1 kW average.
        Assert.Equal(1 + 1.0 / 12, e[StandardMeasure.ChargeKwh]!.Value, 3);
        Assert.Equal(5.0 / 6 + 1.0 / 12, e[StandardMeasure.DischargeKwh]!.Value, 3);
        Assert.Equal(0.5 + 1.0 / 24, e[StandardMeasure.GridImportKwh]!.Value, 3);
        Assert.True(e[StandardMeasure.GridExportKwh] > 0);
        Assert.False(e.Has(StandardMeasure.PvKwh));
    }

    [Fact]
    public void A_gap_longer_than_15_minutes_is_missing_data_not_a_straight_line()
    {
        IReadOnlyList<SeriesPoint> pv = [new(T0, 4), new(T0.AddMinutes(40), 4), new(T0.AddMinutes(45), 4)];

        var hours = HourlyEnergyEstimate.FromCurves(new Dictionary<string, IReadOnlyList<SeriesPoint>> { ["PV"] = pv }, "Europe/Berlin");

        Assert.Equal(4.0 / 12, Assert.Single(hours).Energy[StandardMeasure.PvKwh]!.Value, 3); // estimates keep 3 decimals
    }

    [Fact]
    public void Only_flows_no_hour_report_carries_are_filled_from_the_estimate()
    {
        var reported = new List<EnergyPoint>
        {
            new("2026-06-17T10:00", T0, new StandardValues().Set(StandardMeasure.PvKwh, 2.9).Set(StandardMeasure.GridExportKwh, 1.5)),
        };
        var estimate = new List<EnergyPoint>
        {
            new("2026-06-17T10:00", T0, new StandardValues().Set(StandardMeasure.PvKwh, 3).Set(StandardMeasure.LoadKwh, 1.2).Set(StandardMeasure.GridExportKwh, 1.6)),
            new("2026-06-17T11:00", T0.AddHours(1), new StandardValues().Set(StandardMeasure.PvKwh, 3.5).Set(StandardMeasure.LoadKwh, 0.8)),
        };

        var (points, estimated) = HourlyEnergyEstimate.Fill(reported, estimate);

        Assert.Equal([StandardMeasure.LoadKwh], estimated);
        Assert.Equal([2.9, 1.5, 1.2], [points[0].Energy[StandardMeasure.PvKwh]!.Value, points[0].Energy[StandardMeasure.GridExportKwh]!.Value, points[0].Energy[StandardMeasure.LoadKwh]!.Value]);
        Assert.Equal("2026-06-17T11:00", points[1].LocalStart);
        Assert.False(points[1].Energy.Has(StandardMeasure.PvKwh)); // PV is reported: an hour without a report has no estimated PV
        Assert.Equal(0.8, points[1].Energy[StandardMeasure.LoadKwh]);
    }

    [Fact]
    public void Reports_that_carry_every_flow_are_left_alone()
    {
        var reported = new List<EnergyPoint> { new("2026-06-17T10:00", T0, new StandardValues().Set(StandardMeasure.LoadKwh, 1)) };

        var (points, estimated) = HourlyEnergyEstimate.Fill(reported, [new("2026-06-17T10:00", T0, new StandardValues().Set(StandardMeasure.LoadKwh, 2))]);

        Assert.Same(reported, points);
        Assert.Empty(estimated);
    }
}
