namespace SolarDashboard.Sandbox.Simulation;

/// <summary>Lifetime hours during which each flow was active (device "time" counters), grown with the energy counters.</summary>
public readonly record struct ActiveHours(double Pv, double Charge, double Discharge, double Import, double Export, double Generator, double Load)
{
    public ActiveHours Add(in Interval i)
    {
        const double h = PlantSimulator.StepHours;
        return new(Pv + (i.PvAcKw > 0.001 ? h : 0), Charge + (i.BatteryKw > 0.01 ? h : 0), Discharge + (i.BatteryKw < -0.01 ? h : 0),
            Import + (i.GridKw > 0.01 ? h : 0), Export + (i.GridKw < -0.01 ? h : 0), Generator + (i.GeneratorKw > 0.01 ? h : 0),
            Load + (i.LoadKw > 0.001 ? h : 0));
    }

    public ActiveHours Plus(in ActiveHours o) => new(Pv + o.Pv, Charge + o.Charge, Discharge + o.Discharge, Import + o.Import,
        Export + o.Export, Generator + o.Generator, Load + o.Load);

    public ActiveHours Minus(in ActiveHours o) => new(Pv - o.Pv, Charge - o.Charge, Discharge - o.Discharge, Import - o.Import,
        Export - o.Export, Generator - o.Generator, Load - o.Load);
}
