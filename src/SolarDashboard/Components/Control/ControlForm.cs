using System.Globalization;
using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Components.Control;

/// <summary>
/// The control form's state: the task kind, the chosen plants, the settings as an operator types them (kW, minutes,
/// SOC) and the plants kept with their own settings. It turns them into the parameters of reference 5.2 (W, signed
/// powerDispatch). Its request key is made when the form opens, so a double click submits one task.
/// </summary>
public sealed class ControlForm
{
    private readonly HashSet<int> _selected = [];
    private List<PlantRequest> _kept = [];

    public ControlForm(ControlKind kind = ControlKind.ChargeDischarge) => Kind = kind;

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
    public int? Minutes { get; set; } = 60;
    public double? PowerKw { get; set; }

    // Battery working mode (5.2.3).
    public bool Tou { get; set; } = true;
    public SurplusPv Surplus { get; set; } = SurplusPv.FeedToGrid;
    public double? GridChargeKw { get; set; } = 3;
    public List<TouWindowRow> Windows { get; set; } =
        [new() { Start = "01:00", End = "05:00", Charge = true }, new() { Start = "17:00", End = "21:00", Charge = false }];

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

    /// <summary>Step 1 of practice 2 (reference 7.5): a TOU mode whose one-minute window leaves the battery to manual commands.</summary>
    public void PrepareManualControl() => Load(ManualControl.Practice2Mode);

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

    /// <summary>What the form cannot turn into parameters at all; the documented ranges are checked per plant by <see cref="ControlRules"/>.</summary>
    public IReadOnlyList<string> InputProblems()
    {
        var problems = new List<string>();
        void Power(double? kw, string what)
        {
            if (kw is not { } v) return;
            if (!ControlUnits.TryWatts(v, out _)) problems.Add($"The {what} of {v.ToString(CultureInfo.InvariantCulture)} kW cannot be sent.");
            else if (v < 0) problems.Add($"Enter the {what} as a positive number of kW.");
        }
        if (Kind == ControlKind.ChargeDischarge && Action != ForcedAction.Stop) Power(PowerKw, Action == ForcedAction.Charge ? "charge power" : "discharge power");
        if (Kind == ControlKind.BatteryConfig)
        {
            Power(MaxChargeKw, "maximum charge power");
            Power(MaxDischargeKw, "maximum discharge power");
        }
        return problems;
    }

    /// <summary>The settings now in the form, for the current kind. Throws when <see cref="InputProblems"/> has any.</summary>
    public ControlParameters Parameters() => Kind switch
    {
        ControlKind.ChargeDischarge => new ChargeDischargeParameters(Action, SocControl, SocControl ? TargetSoc : null, SocControl ? null : Minutes,
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
    public string RangeNote(IEnumerable<PlantControlFacts> plants, Func<PlantControlFacts, (double Min, double Max)> range)
    {
        var chosen = plants.Where(p => _selected.Contains(p.PlantId)).Select(range).ToList();
        if (chosen.Count == 0) return "The allowed range depends on each plant's controller.";
        var (min, max) = (chosen.Max(r => r.Min), chosen.Min(r => r.Max));
        return min > max
            ? "The selected plants have no range in common; choose them separately."
            : string.Create(CultureInfo.InvariantCulture, $"Allowed for the selected plants: {min:0.###} to {max:0.###} kW.");
    }

    private static int Watts(double kw) => ControlUnits.TryWatts(kw, out var w) ? w : throw new OverflowException($"{kw} kW does not fit the wire format.");

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
