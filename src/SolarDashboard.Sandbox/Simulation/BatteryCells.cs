namespace SolarDashboard.Sandbox.Simulation;

/// <summary>
/// LFP cells: open-circuit voltage against state of charge, a fixed imbalance and resistance per cell, module
/// temperatures around the enclosure's. Deterministic from a key, so every BMS view of one battery agrees.
/// </summary>
public static class BatteryCells
{
    public const double NominalCellVolts = 3.2;

    /// <summary>Largest cell offset from the open-circuit voltage (imbalance plus sampling noise), V.</summary>
    public const double MaxCellOffset = 0.008;

    /// <summary>Largest cell resistance, Ω.</summary>
    public const double MaxCellOhms = 0.001;

    /// <summary>Largest module deviation from the enclosure's mean temperature, °C.</summary>
    public const double TemperatureSpread = 1.5;

    private static readonly (double Soc, double Volts)[] Ocv =
    [
        (0, 2.80), (3, 3.05), (8, 3.18), (15, 3.22), (30, 3.26), (50, 3.29), (70, 3.31), (85, 3.33), (92, 3.35), (97, 3.40), (100, 3.50),
    ];

    public static double OpenCircuitVolts(double soc)
    {
        soc = Math.Clamp(soc, 0, 100);
        for (var k = 1; k < Ocv.Length; k++)
        {
            if (soc > Ocv[k].Soc) continue;
            var (s0, v0) = Ocv[k - 1];
            var (s1, v1) = Ocv[k];
            return v0 + (v1 - v0) * (soc - s0) / (s1 - s0);
        }
        return Ocv[^1].Volts;
    }

    public static double SocAtVolts(double volts)
    {
        if (volts <= Ocv[0].Volts) return 0;
        for (var k = 1; k < Ocv.Length; k++)
        {
            if (volts > Ocv[k].Volts) continue;
            var (s0, v0) = Ocv[k - 1];
            var (s1, v1) = Ocv[k];
            return s0 + (s1 - s0) * (volts - v0) / (v1 - v0);
        }
        return 100;
    }

    /// <summary>Mean module temperature in the battery's enclosure, °C.</summary>
    public static double MeanTemperature(double ambientC) => ambientC + 6;

    /// <summary>Bounds of every module's temperature at this ambient (what temperature limits are checked against).</summary>
    public static (double Coolest, double Warmest) ModuleTemperatureBounds(double ambientC) =>
        (MeanTemperature(ambientC) - TemperatureSpread, MeanTemperature(ambientC) + TemperatureSpread);

    /// <summary>Highest SOC at which no cell exceeds <paramref name="cellVolts"/> even while charging at <paramref name="maxChargeKw"/>.</summary>
    public static double SocCapForHighLimit(BatteryLayout layout, double cellVolts, double maxChargeKw) =>
        SocAtVolts(cellVolts - MaxCellOffset - RackAmps(layout, maxChargeKw) * MaxCellOhms);

    /// <summary>Lowest SOC at which no cell falls below <paramref name="cellVolts"/> even while discharging at <paramref name="maxDischargeKw"/>.</summary>
    public static double SocFloorForLowLimit(BatteryLayout layout, double cellVolts, double maxDischargeKw) =>
        SocAtVolts(cellVolts + MaxCellOffset + RackAmps(layout, maxDischargeKw) * MaxCellOhms);

    /// <summary>Worst-case current of one rack at this power (at the lowest pack voltage of normal use), A.</summary>
    public static double RackAmps(BatteryLayout layout, double kw) => kw * 1000 / (layout.CellsPerRack * 3.0) / layout.Racks;

    /// <summary>
    /// The BMS view at one instant: <paramref name="batteryKw"/> + = charging. <paramref name="rack"/> limits the view to
    /// one rack (a rack's own BMS); null is the whole battery (the master BMS).
    /// </summary>
    public static CellSnapshot Snapshot(BatteryLayout layout, long key, double soc, double batteryKw, double ambientC, long slot, int? rack = null)
    {
        var ocv = OpenCircuitVolts(soc);
        var rackAmps = batteryKw * 1000 / (layout.CellsPerRack * ocv) / layout.Racks;
        var meanTemp = MeanTemperature(ambientC);
        var halfHour = slot / 6;
        double maxV = double.MinValue, minV = double.MaxValue, maxT = double.MinValue, minT = double.MaxValue, sum = 0;
        (int R, int M, int C) maxAt = default, minAt = default;
        (int R, int M) maxTAt = default, minTAt = default;
        var first = rack ?? 1;
        var last = rack ?? layout.Racks;
        for (var r = first; r <= last; r++)
        {
            for (var m = 1; m <= layout.ModulesPerRack; m++)
            {
                for (var c = 1; c <= layout.CellsPerModule; c++)
                {
                    var cell = m * 1000L + c;
                    var offset = DetRandom.Range(-0.007, 0.007, key, 31, r, cell) + DetRandom.Range(-0.001, 0.001, key, 32, r * 1_000_000L + cell, slot);
                    var ohms = DetRandom.Range(0.0006, MaxCellOhms, key, 33, r, cell);
                    var v = ocv + offset + rackAmps * ohms;
                    sum += v;
                    if (v > maxV) { maxV = v; maxAt = (r, m, c); }
                    if (v < minV) { minV = v; minAt = (r, m, c); }
                }
                var t = meanTemp + DetRandom.Range(-TemperatureSpread, TemperatureSpread, key, 34, r * 1000L + m, halfHour);
                if (t > maxT) { maxT = t; maxTAt = (r, m); }
                if (t < minT) { minT = t; minTAt = (r, m); }
            }
        }
        var racks = last - first + 1;
        var cells = racks * layout.CellsPerRack;
        return new CellSnapshot(sum / racks, rackAmps * racks, sum / cells,
            maxV, maxAt.R, maxAt.M, maxAt.C, minV, minAt.R, minAt.M, minAt.C,
            maxT, maxTAt.R, maxTAt.M, minT, minTAt.R, minTAt.M);
    }
}
