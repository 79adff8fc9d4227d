namespace SolarDashboard.Sandbox.Simulation;

/// <summary>
/// Simulates one plant in 5-minute steps from its grid connection onward. Days are simulated in order, because the
/// battery's state of charge carries over; finished days keep only their checkpoints and totals, and are re-simulated
/// on demand for 5-minute history (deterministic: the same settings timeline gives the same intervals).
/// Control changes are appended to a timeline at the simulated "now", so they only ever affect the future.
/// </summary>
public sealed class PlantSimulator
{
    public const double StepHours = 5.0 / 60;
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    private readonly object _gate = new();
    private readonly int _seed;
    private readonly double _ratedAcKw;
    private readonly double _loadScale;
    private readonly ControlState _initial;
    private readonly List<(DateTimeOffset From, long Seq, Func<ControlState, ControlState> Change)> _changes = [];
    private List<(DateTimeOffset From, ControlState State)> _timeline = [];
    private readonly List<DayRecord> _days = [];
    private readonly Dictionary<DateOnly, Interval[]> _recentFullDays = [];
    private (DateOnly Day, DateTimeOffset Until, int Version, Interval[] Intervals)? _partial;
    private int _version;

    private sealed record DayRecord(DateOnly Date, DateTimeOffset StartUtc, DateTimeOffset EndUtc, Checkpoint Start, Checkpoint End, PeriodTotals Totals, PeriodTotals[] Hours);

    public PlantSimulator(int seed, SimPlant plant, IEnumerable<SimDevice> devices)
        : this(seed, plant, devices.Where(d => DevType.IsInverter(d.TypeId)).Sum(d => d.RatedKw), null, 1)
    {
    }

    /// <summary>
    /// A plant whose inverter rating and initial control state are given (hybrid systems with site rules);
    /// <paramref name="loadScale"/> sizes the modelled load against the PV capacity.
    /// </summary>
    public PlantSimulator(int seed, SimPlant plant, double ratedAcKw, ControlState? initial, double loadScale)
    {
        _seed = seed;
        Plant = plant;
        _ratedAcKw = ratedAcKw;
        _loadScale = loadScale;
        var b = plant.Battery!;
        _initial = initial ?? new ControlState(WorkingMode.Default,
            new BatteryLimits(100, plant.Kind == PlantKind.Commercial ? 10 : 5, b.MaxChargeKw, b.MaxDischargeKw), FeedInLimit.Unlimited, null);
        _timeline.Add((DateTimeOffset.MinValue, _initial));
        FirstDay = plant.LocalDate(plant.GridConnection);
    }

    public SimPlant Plant { get; }
    public DateOnly FirstDay { get; }

    public ControlState StateAt(DateTimeOffset t)
    {
        lock (_gate) return StateAtLocked(t);
    }

    /// <summary>The state once every scheduled change has happened (what a new command is compared with).</summary>
    public ControlState LatestScheduledState()
    {
        lock (_gate) return _timeline[^1].State;
    }

    /// <summary>
    /// Schedules a control change from <paramref name="at"/> on (rounded up to the next 5-minute step). Changes are
    /// applied in time order, so a later-scheduled change of another setting keeps an earlier one.
    /// <paramref name="at"/> must not be in the simulated past.
    /// </summary>
    public void Schedule(DateTimeOffset at, Func<ControlState, ControlState> change)
    {
        var from = CeilStep(at);
        lock (_gate)
        {
            _changes.Add((from, _changes.Count, change));
            var timeline = new List<(DateTimeOffset, ControlState)> { (DateTimeOffset.MinValue, _initial) };
            var state = _initial;
            foreach (var c in _changes.OrderBy(c => c.From).ThenBy(c => c.Seq))
            {
                state = c.Change(state);
                timeline.Add((c.From, state));
            }
            _timeline = timeline;
            _version++;
            _partial = null;
        }
    }

    /// <summary>The 5-minute intervals of a plant-local day that have ended by <paramref name="now"/>.</summary>
    public IReadOnlyList<Interval> DayIntervals(DateOnly day, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (day < FirstDay) return [];
            var start = Plant.LocalMidnightUtc(day);
            var end = Plant.LocalMidnightUtc(day.AddDays(1));
            if (end <= now)
            {
                if (_recentFullDays.TryGetValue(day, out var cached)) return cached;
                var full = Simulate(StartCheckpoint(day, now), start, end, out _, out _);
                if (_recentFullDays.Count > 16) _recentFullDays.Clear();
                _recentFullDays[day] = full;
                return full;
            }
            var until = FloorStep(now);
            if (_partial is { } p && p.Day == day && p.Until == until && p.Version == _version) return p.Intervals;
            var intervals = until <= start ? [] : Simulate(StartCheckpoint(day, now), start, until, out _, out _);
            _partial = (day, until, _version, intervals);
            return intervals;
        }
    }

    /// <summary>Counters at the start of a plant-local day.</summary>
    public Checkpoint DayStart(DateOnly day, DateTimeOffset now)
    {
        lock (_gate) return StartCheckpoint(day, now);
    }

    /// <summary>The latest finished interval, or null before the plant was connected.</summary>
    public Interval? Latest(DateTimeOffset now)
    {
        var today = Plant.LocalDate(FloorStep(now) - Step);
        var intervals = DayIntervals(today, now);
        if (intervals.Count > 0) return intervals[^1];
        var yesterday = DayIntervals(today.AddDays(-1), now);
        return yesterday.Count > 0 ? yesterday[^1] : null;
    }

    /// <summary>Totals of a plant-local day so far (whole day when it has ended).</summary>
    public PeriodTotals DayTotals(DateOnly day, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (day < FirstDay) return default;
            var end = Plant.LocalMidnightUtc(day.AddDays(1));
            if (end <= now)
            {
                EnsureDays(day, now);
                return _days[day.DayNumber - FirstDay.DayNumber].Totals;
            }
        }
        return PeriodTotals.Of(DayIntervals(day, now), DayStart(day, now).Counters);
    }

    /// <summary>Totals per local hour of a day so far, keyed by the hour's start.</summary>
    public IReadOnlyList<(DateTimeOffset HourStart, PeriodTotals Totals)> HourTotals(DateOnly day, DateTimeOffset now)
    {
        var start = DayStart(day, now).Counters;
        var result = new List<(DateTimeOffset, PeriodTotals)>();
        foreach (var group in DayIntervals(day, now).GroupBy(i => HourStart(i.Start)))
        {
            var list = group.ToList();
            result.Add((group.Key, PeriodTotals.Of(list, start)));
            start = list[^1].End;
        }
        return result;
    }

    /// <summary>Energy forcibly moved by a forced command so far, and when it finished (SOC or duration reached).</summary>
    public (double Kwh, DateTimeOffset? FinishedAt) ForcedProgress(ForcedCommand command, DateTimeOffset now)
    {
        double kwh = 0;
        var day = Plant.LocalDate(command.Start);
        var lastDay = Plant.LocalDate(now);
        DateTimeOffset? lastForced = null;
        var sawAfter = false;
        for (; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var i in DayIntervals(day, now))
            {
                if (i.Start < command.Start) continue;
                if (i.ForcedId == command.Id) { kwh += Math.Abs(i.BatteryKw) * StepHours; lastForced = i.Start + Step; }
                else sawAfter = true;
            }
        }
        // Finished when an interval after the start no longer carries the command.
        var finished = sawAfter ? lastForced ?? command.Start : (DateTimeOffset?)null;
        return (kwh, finished);
    }

    public DateTimeOffset HourStart(DateTimeOffset utc)
    {
        var local = Plant.ToLocal(utc);
        var floor = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
        return floor.ToUniversalTime();
    }

    public static DateTimeOffset FloorStep(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % Step.Ticks, TimeSpan.Zero);

    public static DateTimeOffset CeilStep(DateTimeOffset t) =>
        t.UtcTicks % Step.Ticks == 0 ? t.ToUniversalTime() : FloorStep(t) + Step;

    private ControlState StateAtLocked(DateTimeOffset t)
    {
        for (var i = _timeline.Count - 1; i >= 0; i--)
            if (_timeline[i].From <= t) return _timeline[i].State;
        return _timeline[0].State;
    }

    private Checkpoint StartCheckpoint(DateOnly day, DateTimeOffset now)
    {
        if (day <= FirstDay) return Initial;
        EnsureDays(day.AddDays(-1), now);
        return _days[day.DayNumber - FirstDay.DayNumber - 1].End;
    }

    /// <summary>Simulates and records every finished day up to and including <paramref name="last"/>.</summary>
    private void EnsureDays(DateOnly last, DateTimeOffset now)
    {
        while (_days.Count <= last.DayNumber - FirstDay.DayNumber)
        {
            var date = FirstDay.AddDays(_days.Count);
            var start = Plant.LocalMidnightUtc(date);
            var end = Plant.LocalMidnightUtc(date.AddDays(1));
            if (end > now) throw new InvalidOperationException($"Day {date} has not ended yet.");
            var begin = _days.Count == 0 ? Initial : _days[^1].End;
            var intervals = Simulate(begin, start, end, out var doneId, out var latches);
            var totals = PeriodTotals.Of(intervals, begin.Counters);
            var hours = new List<PeriodTotals>();
            var c = begin.Counters;
            foreach (var g in intervals.GroupBy(i => HourStart(i.Start)))
            {
                var list = g.ToList();
                hours.Add(PeriodTotals.Of(list, c));
                c = list[^1].End;
            }
            var last1 = intervals[^1];
            _days.Add(new DayRecord(date, start, end, begin,
                new Checkpoint(last1.SocEnd, last1.End, doneId, latches), totals, [.. hours]));
        }
    }

    /// <summary>Half-full battery and zero counters on the day of grid connection.</summary>
    private static readonly Checkpoint Initial = new(50, default, 0);

    private Interval[] Simulate(Checkpoint begin, DateTimeOffset from, DateTimeOffset until, out int doneAfter, out SiteFlags latchesAfter)
    {
        var count = (int)((until - from).Ticks / Step.Ticks);
        var result = new Interval[Math.Max(0, count)];
        var soc = begin.Soc;
        var counters = begin.Counters;
        var doneId = begin.ForcedDoneId;
        var latches = begin.Latches;
        for (var k = 0; k < count; k++)
        {
            var t = from + Step * k;
            var interval = StepOnce(t, ref soc, ref doneId, ref latches, counters);
            counters = counters.Add(interval);
            result[k] = interval with { End = counters };
        }
        doneAfter = doneId;
        latchesAfter = latches;
        return result;
    }

    private Interval StepOnce(DateTimeOffset t, ref double soc, ref int doneId, ref SiteFlags latches, Counters counters)
    {
        var plant = Plant;
        var state = StateAtLocked(t);
        var mid = t + TimeSpan.FromMinutes(2.5);
        var local = plant.ToLocal(mid);
        var slot = t.ToUnixTimeSeconds() / 300;

        var elevation = EnvironmentModel.SunElevation(plant.Latitude, plant.Longitude, mid);
        var irradiance = EnvironmentModel.ClearSkyGhi(elevation) * EnvironmentModel.CloudFactor(_seed, plant.Index, mid);
        var ambient = EnvironmentModel.AmbientTemperature(plant.Latitude, local);
        var cellTemp = ambient + irradiance / 800 * 25;
        var pvDc = plant.CapacityKwp * irradiance / 1000 * 0.88 * (1 - 0.0035 * Math.Max(0, cellTemp - 25));
        var site = state.Site;
        if (site is { Halted: true } or { PvOff: true }) pvDc = 0; // the PV converter is stopped
        var pvAc = Math.Min(pvDc * 0.975, _ratedAcKw);
        var load = EnvironmentModel.Load(_seed, plant, local, slot) * _loadScale;

        var battery = plant.Battery!;
        var limits = state.Limits;
        var maxCharge = Math.Min(limits.MaxChargeKw, battery.MaxChargeKw);
        var maxDischarge = Math.Min(limits.MaxDischargeKw, battery.MaxDischargeKw);
        var flags = SiteFlags.None;
        if (site is not null) (maxCharge, maxDischarge, flags) = SiteStep.Window(site, ambient, maxCharge, maxDischarge);
        const double eff = 0.96;
        var roomKw = Math.Max(0, (limits.EndOfChargeSoc - soc) / 100 * battery.CapacityKwh / (StepHours * eff));
        var availKw = Math.Max(0, (soc - limits.EndOfDischargeSoc) / 100 * battery.CapacityKwh * eff / StepHours);
        var surplus = pvAc - load;

        double p; // battery kW, + = charge
        var forcedId = 0;
        var forced = state.Forced;
        if (forced is not null && forced.Id != doneId && t >= forced.Start && ForcedContinues(forced, t, soc, limits))
        {
            forcedId = forced.Id;
            p = forced.Switch == 1
                ? Math.Min(forced.PowerKw is { } pc ? Math.Abs(pc) : maxCharge, maxCharge)
                : -Math.Min(forced.PowerKw is { } pd ? Math.Abs(pd) : maxDischarge, maxDischarge);
        }
        else
        {
            if (forced is not null && forced.Id != doneId && t >= forced.Start) doneId = forced.Id;
            p = state.Mode.OperationMode == WorkingMode.Tou ? TouPower(state.Mode, local, surplus, maxCharge, maxDischarge, load, pvAc)
                : surplus > 0 ? Math.Min(surplus, maxCharge) : -Math.Min(-surplus, maxDischarge);
        }
        p = Math.Clamp(p, -availKw, roomKw);

        double gen = 0;
        if (site is not null)
            flags |= SiteStep.Apply(site, soc, ref latches, ref pvAc, ref load, ref p, out gen, Math.Min(maxCharge, roomKw), Math.Min(maxDischarge, availKw));
        var grid = site is { OffGrid: true } ? 0 : load + p - pvAc - gen;
        var curtailed = (flags & SiteFlags.Curtailed) != 0;
        if (state.FeedIn.Limited && grid < -Math.Max(0, state.FeedIn.MaxKw))
        {
            var excess = -Math.Max(0, state.FeedIn.MaxKw) - grid;
            if (p < 0 && forcedId != 0)
            {
                var less = Math.Min(excess, -p); // a forced discharge is cut before PV is
                p += less;
                excess -= less;
            }
            else if (forcedId == 0)
            {
                var more = Math.Max(0, Math.Min(excess, Math.Min(maxCharge, roomKw) - p)); // soak surplus into the battery
                p += more;
                excess -= more;
            }
            if (excess > 1e-9)
            {
                pvAc = Math.Max(0, pvAc - excess);
                curtailed = true;
            }
            grid = load + p - pvAc - gen;
        }

        soc += p > 0 ? p * StepHours * eff / battery.CapacityKwh * 100 : p * StepHours / eff / battery.CapacityKwh * 100;
        soc = Math.Clamp(soc, 0, 100);
        return new Interval(t, irradiance, ambient, pvDc, pvAc, load, p, grid, soc, curtailed, forcedId, counters, gen, flags);
    }

    private static bool ForcedContinues(ForcedCommand f, DateTimeOffset t, double soc, BatteryLimits limits)
    {
        if (f.ControlType == 2)
            return f.DurationMinutes is { } minutes && t < f.Start + TimeSpan.FromMinutes(minutes);
        var target = f.TargetSoc ?? (f.Switch == 1 ? 100 : 0);
        return f.Switch == 1
            ? soc < Math.Min(target, limits.EndOfChargeSoc) - 0.05
            : soc > Math.Max(target, limits.EndOfDischargeSoc) + 0.05;
    }

    private static double TouPower(WorkingMode mode, DateTimeOffset local, double surplus, double maxCharge, double maxDischarge, double load, double pvAc)
    {
        var window = mode.Windows.FirstOrDefault(w => w.Covers(local));
        if (window is not null)
        {
            return window.Charge
                ? Math.Min(maxCharge, Math.Max(0, surplus) + (mode.AllowedAcChargeKw ?? 0))
                : -Math.Min(maxDischarge, Math.Max(0, load - pvAc));
        }
        // Outside the windows the battery rests, except that surplus PV may charge it when charging is preferred.
        return mode.SurplusPvPriority == "chargePreference" && surplus > 0 ? Math.Min(surplus, maxCharge) : 0;
    }
}
