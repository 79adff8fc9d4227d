using System.Text.Json.Nodes;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>
/// Turns one upload into a device's answer object. Every value comes from the system's interval, so the devices of one
/// system agree with each other and with the energy balance. Signs: battery <c>pac</c>/<c>ibat</c> positive when
/// discharging; <c>meterPower</c> positive when importing from the grid. PV powers and energies are DC (before the
/// inverter's 2.5 % loss); every other energy is AC.
/// </summary>
internal static class AtessRows
{
    public const double InverterEfficiency = 0.975;
    private static readonly double Sqrt3 = Math.Sqrt(3);

    public static JsonObject For(AtessSample s) => s.Device.Family switch
    {
        AtessFamily.HpsCentral => Hps(s, IsHv(s.Device)),
        AtessFamily.HpsString => Hps(s, false),
        AtessFamily.Pcs => Pcs(s),
        AtessFamily.Pbd => Pbd(s),
        _ => Bms(s),
    };

    /// <summary>The HPS100HV and HPS150HV models carry the reference's additional parameters.</summary>
    public static bool IsHv(AtessDevice device) => device.Spec.Model is "HPS100HV" or "HPS150HV";

    private static JsonObject Hps(AtessSample s, bool hv)
    {
        var c = new Ctx(s);
        var row = Inverter(c);
        var shares = s.Device.Spec.PvShares ?? [1.0];
        var inputs = shares.Select((share, k) => PvInput(c, share, k + 1, hv ? 640 : 560)).ToArray();
        var total = inputs.Sum(p => p.Kw);
        row.N("ipv", inputs.Sum(p => p.Amps), 1)
            .N("epvToday", c.Today.PvAc / InverterEfficiency).N("epvTotal", c.Total.PvAc / InverterEfficiency)
            .N("epvTimeToday", c.Today.Hours.Pv * 60, 1).N("epvTimeTotal", c.Total.Hours.Pv, 1)
            .N("temp3", c.Ambient + 5 + 25 * c.PvDcKw / c.Spec.RatedKw, 1);
        if (hv)
        {
            PvInputHv(row, inputs[0], "vpv", "vpv2", "pv1Volt");
            PvInputHv(row, inputs[1], "vpv3", "pv2NegVolt", "pv2Volt");
            PvInputHv(row, inputs[2], "pv3PosVolt", "pv3NegVolt", "pv3Volt");
            row.N("ppv", inputs[0].Kw, 2).NS("ppv2", inputs[1].Kw, 2).NS("ppv3", inputs[2].Kw, 2).NS("ppv1", total, 2)
                .N("ibuck1", inputs[0].Kw * 1000 / c.Cells.PackVolts, 1).N("ibuck2", inputs[1].Kw * 1000 / c.Cells.PackVolts, 1)
                .NS("bipvBuck3", inputs[2].Kw * 1000 / c.Cells.PackVolts, 1)
                .NS("bvbus", c.PvDcKw > 0.01 || Math.Abs(c.BatKw) > 0.01 ? 820 + 30 * c.Noise(9) : 0, 1);
        }
        else
        {
            var volts = inputs.Where(p => p.Volts > 0).Select(p => p.Volts).DefaultIfEmpty(0).Average();
            row.N("ppv", total, 2).N("vpv", volts, 1)
                .N("ibuck1", inputs[0].Kw * 1000 / c.Cells.PackVolts, 1)
                .N("ibuck2", (inputs.Length > 1 ? inputs[1].Kw : 0) * 1000 / c.Cells.PackVolts, 1);
        }
        return row.Emit(hv ? AtessFields.HpsCentralHv : AtessFields.Hps);
    }

    private static JsonObject Pcs(AtessSample s) => Inverter(new Ctx(s)).Emit(AtessFields.Pcs);

    /// <summary>What HPS and PCS share: grid, load, battery, generator, bypass, meter, temperatures and counters.</summary>
    private static AtessRow Inverter(Ctx c)
    {
        var row = Battery(new AtessRow(), c);
        var offGrid = c.Spec.OffGrid;
        var halted = c.Rules?.Halted == true;
        var gridVolts = offGrid ? (c.GenKw > 0.01 ? c.Volts : 0) : c.Volts;
        var invKw = c.I.PvAcKw - c.I.BatteryKw; // AC out of the inverter
        var bypassKw = (c.I.Flags & SiteFlags.Bypass) != 0 ? Math.Max(0, c.I.GridKw) : 0;
        var critical = c.I.LoadKw * (1 - c.Spec.NonCriticalShare);
        var nonCritical = c.I.LoadKw * c.Spec.NonCriticalShare;
        var loadPf = 0.94 + 0.04 * c.Noise(3);
        var loadS = critical / loadPf;
        var meterQ = Math.Abs(c.I.GridKw) * 0.1;
        var meterS = Math.Sqrt(c.I.GridKw * c.I.GridKw + meterQ * meterQ);
        var outVolts = halted && offGrid ? 0 : c.Volts;
        var genS = c.GenKw / 0.9;
        var settings = c.Sample.Settings;

        row.I("atsBypass", bypassKw > 0.01 || (halted && !offGrid) ? 1 : 0)
            .N("bactivePower", bypassKw).N("bapparentPower", bypassKw / 0.97).N("breactivePower", bypassKw * 0.25)
            .N("bypassFreq", offGrid ? 0 : c.Hertz + 0.04 * (c.Noise(4) - 0.5))
            .N("checkTime", 0, 0)
            .N("cpActivePower", (c.I.Flags & SiteFlags.PeakShaving) != 0 ? Math.Max(0, c.BatKw) : 0)
            .N("cpPowerLimit", settings.GetValueOrDefault("cpPowerLimit"), 1)
            .N("dailyEnergyFromMeter", c.Today.Import).N("dailyEnergyToMeter", c.Today.Export)
            .N("totalEnergyFromMeter", c.Total.Import).N("totalEnergyToMeter", c.Total.Export)
            .N("dailyNonCriticalEnergy", c.Today.Load * c.Spec.NonCriticalShare).N("totalNonCriticalEnergy", c.Total.Load * c.Spec.NonCriticalShare)
            .N("nonCriticalLoad", nonCritical, 2)
            .N("dgActivePower", c.GenKw).N("dgApparentPower", genS).N("dgReactivePower", genS * 0.436)
            .N("dgCurrentU", Amps(genS, c.Volts) * 1.01, 1).N("dgCurrentV", Amps(genS, c.Volts), 1).N("dgCurrentW", Amps(genS, c.Volts) * 0.99, 1)
            .I("dgGridSelect", offGrid && c.Spec.GeneratorKw > 0 ? 1 : 0)
            .N("dgTodayIntakePower", c.Today.Generator).N("dgTodayIntakeTime", c.Today.Hours.Generator * 60, 1)
            .N("dgTotalIntakePower", c.Total.Generator).N("dgTotalIntakeTime", c.Total.Hours.Generator * 60, 1)
            .N("egridToday", c.Today.Import).N("egridTotal", c.Total.Import)
            .N("egridTimeToday", c.Today.Hours.Import * 60, 1).N("egridTimeTotal", c.Total.Hours.Import, 1)
            .N("etoGridToday", c.Today.Export).N("etoGridTotal", c.Total.Export)
            .N("etoGridTimeToday", c.Today.Hours.Export * 60, 1).N("etoGridTimeTotal", c.Total.Hours.Export, 1)
            .N("eloadToday", c.Today.Load * (1 - c.Spec.NonCriticalShare)).N("eloadTotal", c.Total.Load * (1 - c.Spec.NonCriticalShare))
            .N("eloadTimeToday", c.Today.Hours.Load * 60, 1).N("eloadTimeTotal", c.Total.Hours.Load, 1)
            .N("fac", outVolts > 0 ? c.Hertz + 0.04 * (c.Noise(5) - 0.5) : 0)
            .N("gvpvuv", gridVolts * Sqrt3 * (1 + 0.006 * c.Noise(6)), 1).N("gvpvvw", gridVolts * Sqrt3 * (1 - 0.004 * c.Noise(7)), 1)
            .N("gvpvwu", gridVolts * Sqrt3, 1)
            .N("ipvu", Amps(Math.Abs(c.I.GridKw), c.Volts) * 1.01, 1).N("ipvv", Amps(Math.Abs(c.I.GridKw), c.Volts), 1)
            .N("ipvw", Amps(Math.Abs(c.I.GridKw), c.Volts) * 0.99, 1)
            .N("ipva", Amps(Math.Abs(invKw), c.Volts), 1).N("ipvb", Amps(Math.Abs(invKw), c.Volts) * 1.005, 1)
            .N("ipvc", Amps(Math.Abs(invKw), c.Volts) * 0.995, 1)
            .N("loadActivePower", critical).N("loadApparentPower", loadS).N("loadReactivePower", critical * Math.Tan(Math.Acos(loadPf)))
            .N("loadPf", loadPf).N("loadIu", Amps(loadS, outVolts) * 1.03, 1).N("loadIv", Amps(loadS, outVolts), 1)
            .N("loadIw", Amps(loadS, outVolts) * 0.97, 1)
            .N("meterPower", c.I.GridKw).N("meterQ", meterQ).N("meterS", meterS)
            .N("meterCurrentU", Amps(meterS, c.Volts), 1).N("meterCurrentV", Amps(meterS, c.Volts), 1).N("meterCurrentW", Amps(meterS, c.Volts), 1)
            .N("outvu", outVolts == 0 ? 0 : outVolts + 0.8 * c.Noise(10), 1).N("outvv", outVolts == 0 ? 0 : outVolts - 0.5 * c.Noise(11), 1)
            .N("outvw", outVolts, 1)
            .N("vpvuv", outVolts * Sqrt3, 1).N("vpvvw", outVolts * Sqrt3, 1).N("vpvwu", outVolts * Sqrt3, 1)
            .N("pf", Math.Abs(invKw) > 0.1 ? 0.99 : 0)
            .I("runModel", offGrid ? 1 : 0)
            .I("status", InverterStatus(settings, c.Spec))
            .N("temp", c.Ambient, 1).N("temp1", c.Ambient + 6 + 30 * Math.Abs(invKw) / c.Spec.RatedKw, 1)
            .N("scrTemp", c.Ambient + 4 + 20 * bypassKw / c.Spec.RatedKw, 1);
        row.N("temp4", Math.Max(c.Ambient + 6 + 30 * Math.Abs(invKw) / c.Spec.RatedKw, c.Ambient + 5 + 25 * c.PvDcKw / c.Spec.RatedKw) + 4, 1);
        return row;
    }

    private static JsonObject Pbd(AtessSample s)
    {
        var c = new Ctx(s);
        var row = Battery(new AtessRow(), c);
        var shares = s.Device.Spec.PvShares ?? [1.0];
        var inputs = Enumerable.Range(0, 5).Select(k => PvInput(c, k < shares.Count ? shares[k] : 0, k + 1, 580)).ToArray();
        var vbat = c.Cells.PackVolts;
        var outKw = c.I.PvAcKw;
        var outAmps = outKw * 1000 / vbat;
        string[] currents = ["ipv", "ipv2dc", "ipv3", "ipv4", "ipv5"];
        for (var k = 0; k < 5; k++)
        {
            row.N(k == 0 ? "vpv" : $"vpv{k + 1}", inputs[k].Volts, 1).N(currents[k], inputs[k].Amps, 1)
                .N($"ppv{k + 1}", inputs[k].Kw, 2).N($"bipvBuck{k + 1}", inputs[k].Kw * 1000 / vbat, 1);
        }
        var pvHeat = c.PvDcKw / Math.Max(1, c.Spec.PvKwp);
        row.N("ppv", inputs.Sum(p => p.Kw), 2)
            .N("bvbus", vbat + 1.5, 1)
            .N("checkTime", 0, 0)
            .N("epvToday", c.Today.PvAc / InverterEfficiency).N("epvTotal", c.Total.PvAc / InverterEfficiency)
            .N("epvTimeToday", c.Today.Hours.Pv * 60, 1).N("epvTimeTotal", c.Total.Hours.Pv, 1)
            .N("outPower", outKw, 2).N("outv", vbat, 1).N("outi", outAmps, 1)
            .N("outInductanceCurr1", outAmps / 2 * 1.01, 1).N("outInductanceCurr2", outAmps / 2 * 0.99, 1)
            .N("outDailyDischarge", c.Today.PvAc).N("outTotalDischarge", c.Total.PvAc)
            .N("outTemp", c.Ambient + 4 + 18 * pvHeat, 1).N("outInductanceTemp", c.Ambient + 9 + 22 * pvHeat, 1)
            .N("pvTemp", c.Ambient + 5 + 20 * pvHeat, 1).N("pvInductanceTemp", c.Ambient + 10 + 24 * pvHeat, 1)
            .N("temp", c.Ambient, 1)
            .N("pcsBatChargingPower", Math.Max(0, c.I.BatteryKw - c.I.PvAcKw)).N("pcsOutputPower", c.I.PvAcKw - c.I.BatteryKw)
            .I("runModel", c.Spec.OffGrid ? 1 : 0)
            .I("status", s.Settings.GetValueOrDefault("onOff", 1) == 0 ? 3 : (int)s.Settings.GetValueOrDefault("parallelNum", 1) != 1 ? 2 : 1);
        return row.Emit(AtessFields.Pbd);
    }

    private static JsonObject Bms(AtessSample s)
    {
        var rack = s.Device.Spec.Rack;
        var c = new Ctx(s, rack);
        var share = rack is null ? 1.0 : 1.0 / c.Spec.Battery.Racks;
        var row = Battery(new AtessRow(), c, share);
        if (rack is not null)
        {
            // A rack reports its own current limits (its settings), not the system's.
            row.N("maxChargeCurr", Math.Min(s.Settings.GetValueOrDefault("maxChargeCurr", double.MaxValue), c.ChargeAmps * share), 1)
                .N("maxDischargeCurr", Math.Min(s.Settings.GetValueOrDefault("maxDischargeCurr", double.MaxValue), c.DischargeAmps * share), 1);
        }
        row.I("status", c.Rules?.Halted == true ? 0 : 1);
        return row.Emit(AtessFields.Bms);
    }

    /// <summary>Battery and BMS fields every family reports; <paramref name="share"/> scales energies and power to one rack.</summary>
    private static AtessRow Battery(AtessRow row, Ctx c, double share = 1)
    {
        var cells = c.Cells;
        var limits = c.State.Limits;
        var soc = c.I.SocEnd;
        var chargeStopped = (c.I.Flags & SiteFlags.ChargeBlocked) != 0 || soc >= limits.EndOfChargeSoc - 0.05;
        var dischargeStopped = (c.I.Flags & SiteFlags.DischargeBlocked) != 0 || soc <= limits.EndOfDischargeSoc + 0.05;
        return row.S("deviceSn", c.Sample.Device.Sn)
            .S("time", AtessTime.Local(c.Sample.Time, c.Sample.Plant.Zone))
            .I("systemNo", c.Spec.SystemNo)
            .I("capacity", (long)Math.Round(soc))
            .N("vbat", cells.PackVolts, 1).N("ibat", -cells.CurrentA, 1).N("pac", c.BatKw * share, 2)
            .N("mvpv", cells.MeanCellVolts, 3)
            .N("maxVolt", cells.MaxCellVolts, 3).I("maxVoltGroup", cells.MaxVoltRack).I("maxVoltCell", cells.MaxVoltModule).I("maxVoltNum", cells.MaxVoltCell)
            .N("minVolt", cells.MinCellVolts, 3).I("minVoltGroup", cells.MinVoltRack).I("minVoltCell", cells.MinVoltModule).I("minVoltNum", cells.MinVoltCell)
            .N("maxTemp", cells.MaxTemp, 1).I("maxTempGroup", cells.MaxTempRack).I("maxTempNum", cells.MaxTempModule)
            .N("minTemp", cells.MinTemp, 1).I("minTempGroup", cells.MinTempRack).I("minTempNum", cells.MinTempModule)
            .N("maxChargeCurr", c.ChargeAmps, 1).N("maxDischargeCurr", c.DischargeAmps, 1)
            .I("bmsStatus", c.I.BatteryKw > 0.05 ? 1 : c.I.BatteryKw < -0.05 ? 2 : 0)
            .I("bmsSystemStatus", (chargeStopped ? 1 : 0) + (dischargeStopped ? 2 : 0))
            .I("bmsVoltStatus", c.Rules?.Halted == true ? 0 : 1)
            .N("echargeToday", c.Today.Charge * share).N("edischargeToday", c.Today.Discharge * share)
            .N("ebatChargeTotal", c.Total.Charge * share).N("ebatDischargeTotal", c.Total.Discharge * share)
            .N("echargeTimeToday", c.Today.Hours.Charge * 60, 1).N("edischargeTimeToday", c.Today.Hours.Discharge * 60, 1)
            .N("ebatChargeTimeTotal", c.Total.Hours.Charge, 1).N("ebatDischargeTimeTotal", c.Total.Hours.Discharge, 1);
    }

    private static int InverterStatus(IReadOnlyDictionary<string, double> settings, SystemSpec spec) =>
        settings.GetValueOrDefault("onOff", 1) == 0 ? 3 : (int)settings.GetValueOrDefault("parallelNum", spec.ParallelUnits) != spec.ParallelUnits ? 2 : 1;

    private readonly record struct Pv(double Kw, double Volts, double Amps, double Positive, double Negative);

    /// <summary>One PV input: its share of the DC power at a voltage near <paramref name="nominal"/> (lower when hot).</summary>
    private static Pv PvInput(Ctx c, double share, int input, double nominal)
    {
        var kw = c.PvDcKw * share;
        if (kw < 0.005) return new Pv(0, 0, 0, 0, 0);
        var cellTemp = c.I.AmbientC + c.I.IrradianceWm2 / 800 * 25;
        var volts = nominal + 60 * c.Noise(20 + input) - 1.5 * (cellTemp - 25);
        var positive = volts * (0.5 + 0.01 * (c.Noise(30 + input) - 0.5));
        return new Pv(kw, volts, kw * 1000 / volts, positive, positive - volts);
    }

    private static void PvInputHv(AtessRow row, Pv pv, string positive, string negative, string total)
    {
        if (positive == "vpv") row.N(positive, pv.Positive, 1);
        else row.NS(positive, pv.Positive, 1);
        row.NS(negative, pv.Negative, 1).NS(total, pv.Volts, 1);
    }

    private static double Amps(double kva, double phaseVolts) => phaseVolts <= 0 ? 0 : kva * 1000 / 3 / phaseVolts;

    /// <summary>What every builder reads from a sample.</summary>
    private sealed class Ctx
    {
        public Ctx(AtessSample s, int? rack = null)
        {
            Sample = s;
            I = s.Interval;
            Slot = I.Start.ToUnixTimeSeconds() / 300;
            Cells = BatteryCells.Snapshot(s.Spec.Battery, s.System.BatteryKey, I.SocEnd, I.BatteryKw, I.AmbientC, Slot, rack);
        }

        public AtessSample Sample { get; }
        public Interval I { get; }
        public long Slot { get; }
        public CellSnapshot Cells { get; }
        public SystemSpec Spec => Sample.Spec;
        public ControlState State => Sample.State;
        public SiteRules? Rules => State.Site;
        public Counters Today => Sample.Today;
        public Counters Total => I.End;
        public double BatKw => -I.BatteryKw;
        public double GenKw => I.GeneratorKw;
        public double PvDcKw => I.PvAcKw / InverterEfficiency;
        public double Ambient => I.AmbientC + 2;
        public double Volts => Sample.Plant.PhaseVolts;
        public double Hertz => Sample.Plant.Hertz;
        public double ChargeAmps => State.Limits.MaxChargeKw * 1000 / Spec.Battery.NominalVolts;
        public double DischargeAmps => State.Limits.MaxDischargeKw * 1000 / Spec.Battery.NominalVolts;
        public double Noise(int k) => DetRandom.Unit(Sample.Device.Key, k, Slot);
    }
}
