using System.Collections.Concurrent;

namespace SolarDashboard.Sandbox.Simulation;

/// <summary>The simulated fleet and its physics, read through the simulation clock. Thread-safe.</summary>
public sealed class SandboxWorld
{
    private readonly ConcurrentDictionary<string, PlantSimulator> _simulators = new();

    public SandboxWorld(SandboxOptions options, SimulationClock clock)
    {
        Seed = options.Seed;
        Clock = clock;
        Fleet = FleetFactory.Build(options.Seed, options.Fleet, clock.UtcNow);
        Tasks = new FusionSolar.ControlTasks(this);
    }

    /// <summary>Control tasks delivered to the fleet (they act on the simulators).</summary>
    public FusionSolar.ControlTasks Tasks { get; }

    public int Seed { get; }
    public SimulationClock Clock { get; }
    public Fleet Fleet { get; }

    public PlantSimulator Simulator(SimPlant plant) =>
        _simulators.GetOrAdd(plant.Code, _ => new PlantSimulator(Seed, plant, Fleet.DevicesByPlant[plant.Code]));

    /// <summary>Real-time plant KPIs of reference 5.1.2.1, from the latest finished 5-minute interval.</summary>
    public Dictionary<string, double?> PlantRealKpi(SimPlant plant)
    {
        var now = Clock.UtcNow;
        var sim = Simulator(plant);
        var latest = sim.Latest(now);
        if (latest is not { } i) return new() { ["day_power"] = 0, ["month_power"] = 0, ["total_power"] = 0, ["day_income"] = 0, ["total_income"] = 0, ["real_health_state"] = 3 };
        var day = plant.LocalDate(i.Start);
        var dayStart = sim.DayStart(day, now).Counters;
        var monthStart = sim.DayStart(new DateOnly(day.Year, day.Month, 1), now).Counters;
        var dayYield = i.End.PvAc - dayStart.PvAc;
        var health = !plant.ControllerOnline ? 1 : AlarmModel.ActiveAt(Seed, Fleet, plant, now).Any(a => a.Definition.Level <= 2) ? 2 : 3;
        return new()
        {
            ["day_power"] = Math.Round(dayYield, 2),
            ["month_power"] = Math.Round(i.End.PvAc - monthStart.PvAc, 2),
            ["total_power"] = Math.Round(i.End.PvAc, 2),
            ["day_income"] = Math.Round(dayYield * plant.PricePerKwh, 2),
            ["total_income"] = Math.Round(i.End.PvAc * plant.PricePerKwh, 2),
            ["real_health_state"] = health,
        };
    }

    /// <summary>A device's dataItemMap for the interval starting at <paramref name="interval"/>.Start.</summary>
    public Dictionary<string, double?> DeviceSample(SimDevice device, in Interval interval, IReadOnlyList<Interval> day)
    {
        var plant = Fleet.PlantsByCode[device.StationCode];
        var sim = Simulator(plant);
        var date = plant.LocalDate(interval.Start);
        var dayStart = sim.DayStart(date, Clock.UtcNow).Counters;
        var start = interval.Start;
        DateTimeOffset? firstProduction = null;
        foreach (var i in day)
        {
            if (i.Start > start) break;
            if (i.PvAcKw > 0.001) { firstProduction = i.Start; break; }
        }
        return DeviceKpis.For(device, plant, interval, dayStart, sim.StateAt(interval.Start), firstProduction);
    }

    /// <summary>Latest real-time sample of a device, or null before the plant existed.</summary>
    public Dictionary<string, double?>? DeviceRealKpi(SimDevice device)
    {
        var plant = Fleet.PlantsByCode[device.StationCode];
        var sim = Simulator(plant);
        var now = Clock.UtcNow;
        if (sim.Latest(now) is not { } latest) return null;
        return DeviceSample(device, latest, sim.DayIntervals(plant.LocalDate(latest.Start), now));
    }

    /// <summary>5-minute samples of a device in [from, to], finished intervals only.</summary>
    public IEnumerable<(DateTimeOffset CollectTime, Dictionary<string, double?> Map)> DeviceHistory(SimDevice device, DateTimeOffset from, DateTimeOffset to)
    {
        var plant = Fleet.PlantsByCode[device.StationCode];
        var sim = Simulator(plant);
        var now = Clock.UtcNow;
        var last = plant.LocalDate(to < now ? to : now);
        for (var d = plant.LocalDate(from); d <= last; d = d.AddDays(1))
        {
            var intervals = sim.DayIntervals(d, now);
            foreach (var i in intervals)
                if (i.Start >= from && i.Start <= to)
                    yield return (i.Start, DeviceSample(device, i, intervals));
        }
    }
}
