namespace SolarDashboard.Sandbox.Simulation;

/// <summary>Lifetime energy counters of a plant, kWh (irradiation in kWh/m²), and the hours each flow was active.</summary>
public readonly record struct Counters(double PvDc, double PvAc, double Load, double Charge, double Discharge, double Import, double Export, double Irradiation,
    double Generator = 0, ActiveHours Hours = default)
{
    public Counters Add(in Interval i)
    {
        const double h = PlantSimulator.StepHours;
        return new(PvDc + i.PvDcKw * h, PvAc + i.PvAcKw * h, Load + i.LoadKw * h,
            Charge + Math.Max(0, i.BatteryKw) * h, Discharge + Math.Max(0, -i.BatteryKw) * h,
            Import + Math.Max(0, i.GridKw) * h, Export + Math.Max(0, -i.GridKw) * h, Irradiation + i.IrradianceWm2 / 1000 * h,
            Generator + i.GeneratorKw * h, Hours.Add(i));
    }

    public Counters Minus(in Counters o) => new(PvDc - o.PvDc, PvAc - o.PvAc, Load - o.Load, Charge - o.Charge,
        Discharge - o.Discharge, Import - o.Import, Export - o.Export, Irradiation - o.Irradiation, Generator - o.Generator, Hours.Minus(o.Hours));
}
