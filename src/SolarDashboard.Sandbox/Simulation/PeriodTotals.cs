namespace SolarDashboard.Sandbox.Simulation;

/// <summary>Energy of one period (hour, day, month, year): differences of counters plus battery durations.</summary>
public readonly record struct PeriodTotals(Counters Energy, double ChargeHours, double DischargeHours, int Samples)
{
    public static PeriodTotals Of(IEnumerable<Interval> intervals, Counters start)
    {
        var end = start;
        double ch = 0, dis = 0;
        var n = 0;
        foreach (var i in intervals)
        {
            end = i.End;
            if (i.BatteryKw > 0.01) ch += PlantSimulator.StepHours;
            if (i.BatteryKw < -0.01) dis += PlantSimulator.StepHours;
            n++;
        }
        return new(end.Minus(start), ch, dis, n);
    }

    public static PeriodTotals Sum(IEnumerable<PeriodTotals> parts)
    {
        Counters e = default;
        double ch = 0, dis = 0;
        var n = 0;
        foreach (var p in parts)
        {
            var x = p.Energy;
            e = new(e.PvDc + x.PvDc, e.PvAc + x.PvAc, e.Load + x.Load, e.Charge + x.Charge, e.Discharge + x.Discharge,
                e.Import + x.Import, e.Export + x.Export, e.Irradiation + x.Irradiation, e.Generator + x.Generator, e.Hours.Plus(x.Hours));
            ch += p.ChargeHours;
            dis += p.DischargeHours;
            n += p.Samples;
        }
        return new(e, ch, dis, n);
    }
}
