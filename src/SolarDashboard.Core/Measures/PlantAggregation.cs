using SolarDashboard.Core.Plants;

namespace SolarDashboard.Core.Measures;

/// <summary>
/// The vendor-neutral precedence rule that turns a plant's devices into plant values without counting anything twice:
/// <list type="number">
/// <item>a measure the vendor reports for the plant itself wins;</item>
/// <item>else the first tier of device roles that reports it, summed (SOC averaged, health the worst): PV from inverters,
/// hybrid inverters and DC converters; battery from batteries, else BMS racks, else hybrid inverters; grid from meters and
/// power sensors, else hybrid inverters; load from meters and power sensors, else inverters; then any other role;</item>
/// <item>load nobody reports is the balance: PV + grid − battery (power), PV + import − export + discharge − charge (energy).</item>
/// </list>
/// The same rule serves latest values, 5-minute slots and period reports.
/// </summary>
public static class PlantAggregation
{
    private static readonly DeviceRole[] AllRoles = Enum.GetValues<DeviceRole>();

    private static readonly IReadOnlyDictionary<MeasureSubject, DeviceRole[][]> Tiers = new Dictionary<MeasureSubject, DeviceRole[][]>
    {
        [MeasureSubject.Pv] = [[DeviceRole.Inverter, DeviceRole.HybridInverter, DeviceRole.DcConverter]],
        [MeasureSubject.Battery] = [[DeviceRole.Battery], [DeviceRole.BmsRack], [DeviceRole.HybridInverter]],
        [MeasureSubject.Grid] = [[DeviceRole.Meter, DeviceRole.PowerSensor], [DeviceRole.HybridInverter]],
        [MeasureSubject.Load] = [[DeviceRole.Meter, DeviceRole.PowerSensor], [DeviceRole.HybridInverter, DeviceRole.Inverter]],
        [MeasureSubject.Plant] = [],
    };

    /// <summary>The role tiers of a subject, in precedence order; the last tier holds every role not named before.</summary>
    public static IReadOnlyList<IReadOnlyList<DeviceRole>> TiersOf(MeasureSubject subject)
    {
        var named = Tiers[subject];
        return [.. named, AllRoles.Except(named.SelectMany(t => t)).ToArray()];
    }

    public static AggregatedValues Combine(IReadOnlyCollection<MeasureReading> readings, IEnumerable<StandardMeasure> measures)
    {
        var values = new StandardValues();
        var at = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var list = measures.ToList();
        foreach (var measure in list)
        {
            var (value, when) = Pick(readings, measure);
            if (value is null) continue;
            values.Set(measure, value);
            at[measure.Key] = when!.Value;
        }
        foreach (var load in list.Where(m => m.Subject == MeasureSubject.Load && !values.Has(m)))
            Balance(values, at, load);
        return new AggregatedValues(values, at);
    }

    private static (double? Value, DateTimeOffset? At) Pick(IReadOnlyCollection<MeasureReading> readings, StandardMeasure measure)
    {
        var own = readings.Where(r => r.Role is null && r.Values.Has(measure)).ToList();
        if (own.Count > 0) return (Combine(measure.Kind, own.Select(r => r.Values[measure]!.Value)), own.Min(r => r.At));
        foreach (var tier in TiersOf(measure.Subject))
        {
            var members = readings.Where(r => r.Role is { } role && tier.Contains(role) && r.Values.Has(measure)).ToList();
            if (members.Count > 0) return (Combine(measure.Kind, members.Select(r => r.Values[measure]!.Value)), members.Min(r => r.At));
        }
        return (null, null);
    }

    private static double Combine(MeasureKind kind, IEnumerable<double> values) => kind switch
    {
        MeasureKind.StateOfCharge => values.Average(),
        MeasureKind.Health => (int)values.Select(v => (Health)(int)v).MaxBy(Badness),
        _ => values.Sum(),
    };

    private static int Badness(Health health) => health switch { Health.Faulty => 3, Health.Disconnected => 2, Health.Healthy => 1, _ => 0 };

    /// <summary>Load as what PV and the grid bring in, less what the battery takes (or plus what it gives), never below 0.</summary>
    private static void Balance(StandardValues values, Dictionary<string, DateTimeOffset> at, StandardMeasure load)
    {
        var (pv, inputs, outputs) = load.Kind switch
        {
            MeasureKind.Power => (StandardMeasure.PvKw, new[] { StandardMeasure.GridKw }, new[] { StandardMeasure.BatteryKw }),
            MeasureKind.EnergyToday => (StandardMeasure.PvKwhToday, [StandardMeasure.GridImportKwhToday, StandardMeasure.DischargeKwhToday],
                [StandardMeasure.GridExportKwhToday, StandardMeasure.ChargeKwhToday]),
            MeasureKind.EnergyLifetime => (StandardMeasure.PvKwhTotal, [StandardMeasure.GridImportKwhTotal, StandardMeasure.DischargeKwhTotal],
                [StandardMeasure.GridExportKwhTotal, StandardMeasure.ChargeKwhTotal]),
            MeasureKind.EnergyInPeriod => (StandardMeasure.PvKwh, [StandardMeasure.GridImportKwh, StandardMeasure.DischargeKwh],
                [StandardMeasure.GridExportKwh, StandardMeasure.ChargeKwh]),
            _ => (null!, Array.Empty<StandardMeasure>(), Array.Empty<StandardMeasure>()),
        };
        if (pv is null || values[pv] is not { } pvValue) return;
        // The grid terms must be known (without them the balance is a guess); a plant without a battery has no battery terms.
        var grid = inputs.Concat(outputs).Where(m => m.Subject == MeasureSubject.Grid).ToList();
        if (grid.Any(m => !values.Has(m))) return;
        var total = pvValue + inputs.Sum(m => values[m] ?? 0) - outputs.Sum(m => values[m] ?? 0);
        values.Set(load, Math.Max(0, total));
        at[load.Key] = new[] { pv }.Concat(inputs).Concat(outputs).Where(values.Has).Min(m => at[m.Key]);
    }
}
