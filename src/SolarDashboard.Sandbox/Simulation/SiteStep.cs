namespace SolarDashboard.Sandbox.Simulation;

/// <summary>
/// Applies <see cref="SiteRules"/> to one 5-minute step, after the self-consumption decision. Keeps the balance
/// PV + discharge + import + generator = load + charge + export; off the grid, import and export are zero.
/// </summary>
internal static class SiteStep
{
    private const double Eps = 1e-9;

    /// <summary>Charge and discharge power allowed by the halt state and the battery's temperature windows.</summary>
    public static (double MaxCharge, double MaxDischarge, SiteFlags Flags) Window(SiteRules rules, double ambientC, double maxCharge, double maxDischarge)
    {
        if (rules.Halted) return (0, 0, SiteFlags.None);
        var flags = SiteFlags.None;
        var (coolest, warmest) = BatteryCells.ModuleTemperatureBounds(ambientC);
        if (rules.ChargeTemperature is { } c && (coolest < c.Min || warmest > c.Max)) { maxCharge = 0; flags |= SiteFlags.ChargeBlocked; }
        if (rules.DischargeTemperature is { } d && (coolest < d.Min || warmest > d.Max)) { maxDischarge = 0; flags |= SiteFlags.DischargeBlocked; }
        return (maxCharge, maxDischarge, flags);
    }

    public static SiteFlags Apply(SiteRules rules, double soc, ref SiteFlags latches, ref double pvAc, ref double load, ref double p,
        out double gen, double chargeCap, double dischargeCap)
    {
        gen = 0;
        var flags = SiteFlags.None;
        if (rules.Halted)
        {
            latches = SiteFlags.None;
            p = 0;
            pvAc = 0;
            if (!rules.OffGrid) return SiteFlags.Halted | SiteFlags.Bypass;
            load = 0; // nothing feeds the loads
            return SiteFlags.Halted | SiteFlags.LoadShed;
        }

        if (rules.GridCharge is { } gc && !rules.OffGrid)
        {
            var on = Latch(ref latches, SiteFlags.GridCharging, soc, gc);
            if (on) p = Math.Max(p, Math.Min(gc.MaxKw, chargeCap));
        }
        else latches &= ~SiteFlags.GridCharging;

        var generator = rules.Generator;
        if (generator is not null && Latch(ref latches, SiteFlags.GeneratorOn, soc, generator))
        {
            p = Math.Max(p, chargeCap);
            gen = Math.Clamp(load + p - pvAc, 0, generator.MaxKw);
        }
        else if (generator is null) latches &= ~SiteFlags.GeneratorOn;
        var generatorOn = (latches & SiteFlags.GeneratorOn) != 0;

        if (rules.GridImportLimitKw is { } limit && !rules.OffGrid)
        {
            var import = load + p - pvAc - gen;
            if (import > limit + Eps)
            {
                var lower = Math.Max(p - (import - limit), -dischargeCap);
                if (lower < p - Eps) flags |= SiteFlags.PeakShaving;
                p = Math.Min(p, lower);
            }
        }

        if (rules.OutputLimitKw is { } outLimit)
        {
            var excess = pvAc - p - outLimit; // AC out of the inverter above its limit
            if (excess > Eps)
            {
                var raise = Math.Min(excess, Math.Max(0, chargeCap - p));
                p += raise;
                excess -= raise;
                if (excess > Eps) { pvAc -= excess; flags |= SiteFlags.Curtailed; }
                flags |= SiteFlags.OutputLimited;
            }
            var intake = p - pvAc - outLimit; // AC into the inverter (grid or generator charging) above its limit
            if (intake > Eps) { p -= intake; flags |= SiteFlags.OutputLimited; }
        }

        // On the grid the generator covers what PV and battery leave, never more (it does not export).
        if (!rules.OffGrid && generator is not null && generatorOn) gen = Math.Clamp(load + p - pvAc, 0, generator.MaxKw);

        if (rules.OffGrid)
        {
            var residual = load + p - pvAc - gen;
            if (residual > Eps)
            {
                var floor = -dischargeCap;
                if (rules.OutputLimitKw is { } ol) floor = Math.Max(floor, pvAc - ol);
                var more = Math.Min(residual, Math.Max(0, p - floor));
                p -= more;
                residual -= more;
                if (residual > Eps && generator is not null && generatorOn)
                {
                    var extra = Math.Min(residual, generator.MaxKw - gen);
                    gen += extra;
                    residual -= extra;
                }
                if (residual > Eps) { load -= residual; flags |= SiteFlags.LoadShed; }
            }
            else if (residual < -Eps)
            {
                var surplus = -residual;
                var lessGen = Math.Min(surplus, gen);
                gen -= lessGen;
                surplus -= lessGen;
                var more = Math.Min(surplus, Math.Max(0, chargeCap - p));
                p += more;
                surplus -= more;
                if (surplus > Eps) { pvAc = Math.Max(0, pvAc - surplus); flags |= SiteFlags.Curtailed; }
            }
        }
        else if ((flags & SiteFlags.OutputLimited) != 0 && load + p - pvAc - gen > Eps)
        {
            flags |= SiteFlags.Bypass;
        }
        return flags | latches;
    }

    /// <summary>On below the start SOC, stays on until the stop SOC.</summary>
    private static bool Latch(ref SiteFlags latches, SiteFlags flag, double soc, SiteRules.Hysteresis rule)
    {
        var on = soc < rule.StartSoc || ((latches & flag) != 0 && soc < rule.StopSoc);
        latches = on ? latches | flag : latches & ~flag;
        return on;
    }
}
