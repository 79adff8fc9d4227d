using SolarDashboard.Core.Control;

namespace SolarDashboard.Components.Control;

/// <summary>
/// The control form's state: the task kind, the chosen plants, the settings as an operator types them (kW, minutes,
/// SOC) and the plants kept with their own settings. It turns them into the parameters of reference 5.2 (W, signed
/// powerDispatch), bounded by the controlling vendor's <see cref="Rules"/>. Its request key is made when the form opens,
/// so a double click submits one task.
/// </summary>
public sealed class ControlForm
{
    private readonly HashSet<int> _selected = [];
    private List<PlantRequest> _kept = [];

    public ControlForm(IControlRules rules, ControlKind kind = ControlKind.ChargeDischarge) => (Rules, Kind) = (rules, kind);

    /// <summary>The vendor's rules: bounds, window limits, what a task does in words.</summary>
    public IControlRules Rules { get; }

    public ControlKind Kind { get; private set; }

    /// <summary>One intent, one task: the ledger refuses a second task with the same key.</summary>
    public string RequestKey { get; private set; } = NewKey();

    public IReadOnlyCollection<int> Selected => _selected;

    /// <summary>Plants that keep the settings they were given while the form moved on to other plants.</summary>
    public IReadOnlyList<PlantRequest> Kept => _kept;

    // Forced charge or discharge (5.2.1).
    public ForcedAction Action { get; set; } = ForcedAction.Charge;
    public bool SocControl { get; set; }
    public double? TargetSoc { get; set; } = 90;
    /// <summary>Whole minutes on the wire; a double here so that a fraction or an overflow is refused, not truncated.</summary>
    public double? Minutes { get; set; } = 60;
    public double? PowerKw { get; set; }

    // Battery working mode (5.2.3).
    public bool Tou { get; set; } = true;
    public SurplusPv Surplus { get; set; } = SurplusPv.FeedToGrid;
    public double? GridChargeKw { get; set; } = 3;
    public List<TouWindowRow> Windows { get; set; } = Example();

    /// <summary>Where the windows came from ("the schedule last sent …"), shown above them; null before a plant is chosen.</summary>
    public string? ScheduleNote { get; private set; }

    private int? _schedulePlant;
    private string _loadedWindows = Snapshot(Example());

    // Battery parameters (5.2.5).
    public double? EndOfChargeSoc { get; set; }
    public double? EndOfDischargeSoc { get; set; }
    public double? MaxChargeKw { get; set; }
    public double? MaxDischargeKw { get; set; }

    // Feed-in limit (5.2.7).
    public bool FeedInLimited { get; set; } = true;
    public double? FeedInKw { get; set; } = 3;
    public bool PerPhase { get; set; }

    public bool IsSelected(int plantId) => _selected.Contains(plantId);

    public void Select(int plantId, bool on)
    {
        if (on) _selected.Add(plantId); else _selected.Remove(plantId);
    }

    /// <summary>One task is one kind: plants kept with another kind's settings are let go.</summary>
    public void ChangeKind(ControlKind kind)
    {
        if (kind != Kind) _kept = [];
        Kind = kind;
    }

    /// <summary>The selected plants keep the settings now in the form; the form is then free for other plants.</summary>
    public void KeepSelected()
    {
        var parameters = Parameters();
        _kept = [.. _kept.Where(k => !_selected.Contains(k.PlantId)), .. _selected.Select(id => new PlantRequest(id, parameters))];
        _selected.Clear();
    }

    public void Release(PlantRequest kept) => _kept.Remove(kept);

    /// <summary>Back into the form: a kept plant's settings, to change them.</summary>
    public void Edit(PlantRequest kept)
    {
        _kept.Remove(kept);
        Load(kept.Parameters);
        _selected.Clear();
        _selected.Add(kept.PlantId);
    }

    /// <summary>
    /// The plant whose schedule the TOU editor should start from now: the one plant selected for a working-mode task, when
    /// its schedule is not loaded yet and the windows have not been edited since the last load (an edit is never overwritten).
    /// </summary>
    public int? SchedulePlantToLoad => Kind == ControlKind.BatteryMode && _selected.Count == 1 && _selected.First() is var id && id != _schedulePlant
        && Snapshot(Windows) == _loadedWindows ? id : null;

    /// <summary>Starts the TOU editor from the plant's known schedule (reported or last sent), or an example when none is known, and says which.</summary>
    public void StartFrom(PlantControlFacts plant, KnownSchedule? known)
    {
        _schedulePlant = plant.PlantId;
        if (known is { Mode: { Tou: true } mode })
        {
            Surplus = mode.SurplusPriority ?? Surplus;
            GridChargeKw = mode.MaxGridChargeKw ?? GridChargeKw;
            Windows = TouWindowRow.FromWindows(mode.Windows);
        }
        else
        {
            Windows = Example();
        }
        _loadedWindows = Snapshot(Windows);
        ScheduleNote = ControlTexts.ScheduleSource(plant, known);
    }

    /// <summary>"plant time, Europe/Berlin": the zone the selected plants' windows and times are in.</summary>
    public string PlantTimeLabel(IEnumerable<PlantControlFacts> plants)
    {
        var zones = plants.Where(p => _selected.Contains(p.PlantId)).Select(p => p.TimeZoneId).Distinct().ToList();
        return zones is [{ } zone] ? $"plant time, {ControlTexts.ZoneName(zone)}" : "each plant's own time";
    }

    /// <summary>The vendor's manual-control mode (FusionSolar: practice 2 of 7.5), which leaves the battery to forced charge and discharge tasks.</summary>
    public void PrepareManualControl()
    {
        if (Rules.ManualControlMode is { } mode) Load(mode);
    }

    /// <summary>Fills the form from parameters (W back to kW) and switches to their kind.</summary>
    public void Load(ControlParameters parameters)
    {
        ChangeKind(parameters.Kind);
        switch (parameters)
        {
            case ChargeDischargeParameters c:
                (Action, SocControl) = (c.Action, c.SocControl);
                TargetSoc = c.TargetSoc ?? TargetSoc;
                Minutes = c.Minutes ?? Minutes;
                PowerKw = c.PowerW is { } w ? ControlUnits.Kilowatts(Math.Abs(w)) : null;
                break;
            case BatteryModeParameters m:
                Tou = m.Tou;
                if (!m.Tou) break;
                Surplus = m.SurplusPriority ?? SurplusPv.FeedToGrid;
                GridChargeKw = m.MaxGridChargeKw;
                Windows = TouWindowRow.FromWindows(m.Windows);
                break;
            case BatteryLimitParameters l:
                (EndOfChargeSoc, EndOfDischargeSoc) = (l.EndOfChargeSoc, l.EndOfDischargeSoc);
                MaxChargeKw = l.MaxChargeW is { } mc ? ControlUnits.Kilowatts(mc) : null;
                MaxDischargeKw = l.MaxDischargeW is { } md ? ControlUnits.Kilowatts(md) : null;
                break;
            case FeedInParameters f:
                (FeedInLimited, PerPhase) = (f.Limited, f.PerPhase);
                FeedInKw = f.MaxFeedInKw ?? FeedInKw;
                break;
        }
    }

    /// <summary>
    /// The form's values outside their fields' bounds (<see cref="IControlRules.Limit"/>) for the selected plants, and required
    /// values left empty. Checked before anything is converted; the rules check each plant again before sending.
    /// </summary>
    public IReadOnlyList<string> InputProblems(IEnumerable<PlantControlFacts>? plants = null)
    {
        var offered = plants?.ToList() ?? [];
        var problems = new List<string>();
        void Check(ControlField field, double? value, string? required = null)
        {
            if (value is not { } v)
            {
                if (required is not null) problems.Add(required);
            }
            else if (Limit(field, offered).Problem(v) is { } problem)
            {
                problems.Add(ControlTexts.Sentence(problem));
            }
        }
        switch (Kind)
        {
            case ControlKind.ChargeDischarge when Action != ForcedAction.Stop:
                if (SocControl) Check(ControlField.TargetSoc, TargetSoc, "Enter the target SOC.");
                else Check(ControlField.Duration, Minutes, "Enter the duration in minutes.");
                Check(ControlField.ForcedPower, PowerKw);
                break;
            case ControlKind.BatteryMode when Tou:
                Check(ControlField.GridChargePower, GridChargeKw, "Enter the maximum power for charging from the grid.");
                if (Windows.Count == 0 || Windows.Count > Rules.MaxWindows) problems.Add($"Set 1 to {Rules.MaxWindows} charge or discharge windows.");
                problems.AddRange(Rules.WindowProblems(TouWindowRow.ToWindows(Windows)).Select(ControlTexts.Sentence));
                break;
            case ControlKind.BatteryConfig:
                Check(ControlField.EndOfChargeSoc, EndOfChargeSoc);
                Check(ControlField.EndOfDischargeSoc, EndOfDischargeSoc);
                Check(ControlField.MaxChargePower, MaxChargeKw);
                Check(ControlField.MaxDischargePower, MaxDischargeKw);
                break;
            case ControlKind.ActivePower when FeedInLimited:
                Check(ControlField.FeedInPower, FeedInKw, "Enter the maximum feed-in power.");
                break;
        }
        return problems;
    }

    /// <summary>A field's bounds for every selected plant (the widest documented ones while none is selected).</summary>
    public FieldLimit Limit(ControlField field, IEnumerable<PlantControlFacts> plants)
    {
        var chosen = plants.Where(p => _selected.Contains(p.PlantId)).ToList();
        var common = FieldLimit.Common(chosen.Select(p => Rules.Limit(field, p, Action)));
        if (common is null) return Rules.Limit(field, null, Action);
        // Say which plant is missing what its bound depends on.
        var missing = chosen.FirstOrDefault(p => Rules.Limit(field, p, Action).Missing is not null);
        return missing is null ? common : common with { Missing = $"{missing.PlantName}: {Rules.Limit(field, missing, Action).Missing}" };
    }

    /// <summary>The settings now in the form, for the current kind. Throws when <see cref="InputProblems"/> has any.</summary>
    public ControlParameters Parameters() => Kind switch
    {
        ControlKind.ChargeDischarge => new ChargeDischargeParameters(Action, SocControl, SocControl ? TargetSoc : null, SocControl || Minutes is not { } m ? null : Whole(m),
            PowerKw is { } kw && Action != ForcedAction.Stop ? ControlUnits.Dispatch(Action, Watts(kw)) : null),
        ControlKind.BatteryMode => Tou ? new BatteryModeParameters(true, Surplus, GridChargeKw, TouWindowRow.ToWindows(Windows)) : BatteryModeParameters.MaximumSelfConsumption,
        ControlKind.BatteryConfig => new BatteryLimitParameters(EndOfChargeSoc, EndOfDischargeSoc,
            MaxChargeKw is { } c ? Watts(c) : null, MaxDischargeKw is { } d ? Watts(d) : null),
        _ => new FeedInParameters(FeedInLimited, FeedInLimited ? FeedInKw : null, PerPhase),
    };

    /// <summary>Plants kept with their own settings, plus the selected plants with the settings now in the form.</summary>
    public IReadOnlyList<PlantRequest> Requests()
    {
        var parameters = Parameters();
        return [.. _kept.Where(k => !_selected.Contains(k.PlantId)), .. _selected.Select(id => new PlantRequest(id, parameters))];
    }

    /// <summary>After a task was accepted: the form empties, and the next task is a new intent with a new key.</summary>
    public void Sent()
    {
        _selected.Clear();
        _kept = [];
        RequestKey = NewKey();
    }

    /// <summary>"Allowed for the selected plants: 0 to 30 kW.": the range every selected plant accepts.</summary>
    public string RangeNote(IEnumerable<PlantControlFacts> plants, ControlField field)
    {
        var offered = plants.ToList();
        if (!offered.Any(p => _selected.Contains(p.PlantId))) return "The allowed range depends on each plant's controller.";
        var limit = Limit(field, offered);
        if (limit.Missing is not null) return "Cannot be checked yet: " + limit.Missing;
        return limit.Min > limit.Max
            ? "The selected plants have no range in common; choose them separately."
            : $"Allowed for the selected plants: {limit.Range}.";
    }

    private static int Watts(double kw) => ControlUnits.TryWatts(kw, out var w) ? w : throw new OverflowException($"{kw} kW does not fit the wire format.");

    private static int Whole(double minutes) => ControlUnits.TryWhole(minutes, out var n) ? n : throw new OverflowException($"{minutes} is not a whole number of minutes.");

    /// <summary>Two windows before a plant's schedule is known: a night charge and an evening discharge.</summary>
    private static List<TouWindowRow> Example() =>
        [new() { Start = "01:00", End = "05:00", Charge = true }, new() { Start = "17:00", End = "21:00", Charge = false }];

    private static string Snapshot(List<TouWindowRow> rows) => ControlJson.Write(new BatteryModeParameters(true, null, null, TouWindowRow.ToWindows(rows)));

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
