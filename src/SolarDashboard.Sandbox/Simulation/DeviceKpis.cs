namespace SolarDashboard.Sandbox.Simulation;

/// <summary>
/// Turns a plant interval into one device's dataItemMap. Units follow the reference: inverter and grid meter powers in
/// kW, power sensor and battery powers in W. Meter sign convention (as Huawei meters report at the grid point):
/// active_power positive = feeding into the grid; active_cap = energy exported, reverse_active_cap = energy imported.
/// Counters are the values at the end of the interval. Battery charge_cap/discharge_cap are today's energy.
/// </summary>
public static class DeviceKpis
{
    public static Dictionary<string, double?> For(SimDevice device, SimPlant plant, in Interval i, in Counters dayStart,
        ControlState state, DateTimeOffset? firstProduction)
    {
        var keys = KpiCatalog.KeysFor(device.TypeId);
        var map = new Dictionary<string, double?>(keys.Count);
        foreach (var k in keys) map[k] = null;
        var noise = DetRandom.Unit(device.Id, i.Start.ToUnixTimeSeconds() / 300);
        var gridVolts = 229 + 4 * noise;
        var today = i.End.Minus(dayStart);

        switch (device.TypeId)
        {
            case DevType.StringInverter or DevType.ResidentialInverter:
            {
                var ac = i.PvAcKw * device.PvShare;
                var dc = i.PvDcKw * device.PvShare;
                var producing = ac > 0.001;
                map["inverter_state"] = producing ? (i.Curtailed ? 513 : 512) : 40960;
                SetThreePhase(map, gridVolts, ac, producing ? 1.0 : 0);
                map["efficiency"] = producing ? Math.Round(Math.Min(98.6, ac / dc * 100), 2) : 0;
                map["temperature"] = Math.Round(i.AmbientC + 12 * ac / Math.Max(1, device.RatedKw) + 3, 1);
                map["power_factor"] = producing ? 1.0 : 0;
                map["elec_freq"] = Math.Round(49.98 + 0.04 * noise, 2);
                map["active_power"] = Math.Round(ac, 3);
                map["reactive_power"] = 0;
                map["day_cap"] = Math.Round(today.PvAc * device.PvShare, 2);
                map["mppt_power"] = Math.Round(dc, 3);
                var strings = device.PvStrings;
                var maxStrings = device.TypeId == DevType.StringInverter ? 28 : 8;
                for (var s = 1; s <= maxStrings; s++)
                {
                    var used = s <= strings;
                    var volts = used && producing ? 560 + 40 * DetRandom.Unit(device.Id, s, i.Start.ToUnixTimeSeconds() / 300) : 0;
                    map[$"pv{s}_u"] = Math.Round(volts, 1);
                    map[$"pv{s}_i"] = used && volts > 0 ? Math.Round(dc / strings * 1000 / volts, 2) : 0;
                }
                map["total_cap"] = Math.Round(i.End.PvAc * device.PvShare, 2);
                map["open_time"] = firstProduction?.ToUnixTimeMilliseconds();
                map["close_time"] = null;
                var mppts = device.TypeId == DevType.StringInverter ? 10 : 4;
                var usedMppts = Math.Max(1, Math.Min(mppts, (strings + 1) / 2));
                for (var m = 1; m <= mppts; m++)
                    map[$"mppt_{m}_cap"] = m <= usedMppts ? Math.Round(i.End.PvDc * device.PvShare / usedMppts, 2) : 0;
                if (device.TypeId == DevType.StringInverter) map["mppt_total_cap"] = Math.Round(i.End.PvDc * device.PvShare, 2);
                map["run_state"] = 1;
                break;
            }
            case DevType.GridMeter:
            {
                var feed = -i.GridKw;
                SetThreePhase(map, gridVolts, Math.Abs(feed), 0.99);
                map["active_power"] = Math.Round(feed, 3);
                map["power_factor"] = 0.99;
                map["active_cap"] = Math.Round(i.End.Export, 2);
                map["reverse_active_cap"] = Math.Round(i.End.Import, 2);
                map["reactive_power"] = Math.Round(Math.Abs(feed) * 0.05, 3);
                map["forward_reactive_cap"] = Math.Round((i.End.Export + i.End.Import) * 0.05, 2);
                map["reverse_reactive_cap"] = 0;
                map["active_power_a"] = map["active_power_b"] = map["active_power_c"] = Math.Round(feed / 3, 3);
                map["total_apparent_power"] = Math.Round(Math.Abs(feed) / 0.99, 3);
                break;
            }
            case DevType.PowerSensor:
            {
                var feedW = -i.GridKw * 1000;
                map["meter_status"] = 1;
                map["meter_u"] = Math.Round(gridVolts, 1);
                map["meter_i"] = Math.Round(Math.Abs(feedW) / 3 / gridVolts, 2);
                map["active_power"] = Math.Round(feedW, 0);
                map["reactive_power"] = Math.Round(Math.Abs(feedW) * 0.05, 0);
                map["power_factor"] = 0.99;
                map["grid_frequency"] = Math.Round(49.98 + 0.04 * noise, 2);
                map["active_cap"] = Math.Round(i.End.Export, 2);
                map["reverse_active_cap"] = Math.Round(i.End.Import, 2);
                map["run_state"] = 1;
                map["ab_u"] = map["bc_u"] = map["ca_u"] = Math.Round(gridVolts * Math.Sqrt(3), 1);
                map["b_u"] = map["c_u"] = Math.Round(gridVolts, 1);
                map["b_i"] = map["c_i"] = map["meter_i"];
                map["active_power_a"] = map["active_power_b"] = map["active_power_c"] = Math.Round(feedW / 3000, 3);
                break;
            }
            case DevType.Battery:
            {
                var w = i.BatteryKw * 1000;
                var limits = state.Limits;
                var spec = plant.Battery!;
                map["battery_status"] = Math.Abs(w) > 10 ? 2 : 1;
                map["max_charge_power"] = Math.Round(Math.Min(limits.MaxChargeKw, spec.MaxChargeKw) * 1000);
                map["max_discharge_power"] = Math.Round(Math.Min(limits.MaxDischargeKw, spec.MaxDischargeKw) * 1000);
                map["ch_discharge_power"] = Math.Round(w);
                map["busbar_u"] = Math.Round(420 + 0.6 * i.SocEnd, 1);
                map["battery_soc"] = Math.Round(i.SocEnd, 1);
                map["battery_soh"] = spec.IsLg ? 97 : null;
                map["ch_discharge_model"] = ChargeDischargeModel(plant, state, i);
                map["charge_cap"] = Math.Round(today.Charge, 2);
                map["discharge_cap"] = Math.Round(today.Discharge, 2);
                map["run_state"] = 1;
                break;
            }
            case DevType.Ess:
                map["ch_discharge_power"] = Math.Round(i.BatteryKw * 1000);
                map["battery_soc"] = Math.Round(i.SocEnd, 1);
                map["battery_soh"] = 98.5;
                map["charge_cap"] = Math.Round(today.Charge, 2);
                map["discharge_cap"] = Math.Round(today.Discharge, 2);
                map["run_state"] = 1;
                break;
            case DevType.Emi:
                map["temperature"] = Math.Round(i.AmbientC, 1);
                map["pv_temperature"] = Math.Round(i.AmbientC + i.IrradianceWm2 / 800 * 25, 1);
                map["wind_speed"] = Math.Round(1 + 5 * noise, 1);
                map["wind_direction"] = Math.Round(360 * DetRandom.Unit(device.Id, 99, i.Start.ToUnixTimeSeconds() / 3600), 0);
                map["radiant_total"] = Math.Round(today.Irradiation * 3.6, 3); // kWh/m² → MJ/m²
                map["radiant_line"] = Math.Round(i.IrradianceWm2, 1);
                map["run_state"] = 1;
                break;
        }
        foreach (var key in KpiCatalog.AlwaysNull) if (map.ContainsKey(key)) map[key] = null;
        return map;
    }

    /// <summary>ch_discharge_model of reference 5.1.2.2 (residential battery).</summary>
    public static int ChargeDischargeModel(SimPlant plant, ControlState state, in Interval i)
    {
        if (i.ForcedId != 0) return 1;
        if (plant.Controller == ControllerKind.Emma) return 10;
        if (!state.Mode.SetRemotely) return 4;
        return state.Mode.OperationMode == WorkingMode.Tou ? 9 : 7;
    }

    private static void SetThreePhase(Dictionary<string, double?> map, double volts, double kw, double pf)
    {
        map["a_u"] = Math.Round(volts, 1);
        map["b_u"] = Math.Round(volts + 0.7, 1);
        map["c_u"] = Math.Round(volts - 0.6, 1);
        map["ab_u"] = Math.Round(volts * Math.Sqrt(3), 1);
        map["bc_u"] = Math.Round((volts + 0.2) * Math.Sqrt(3), 1);
        map["ca_u"] = Math.Round((volts - 0.2) * Math.Sqrt(3), 1);
        var amps = pf > 0 ? kw * 1000 / 3 / volts : 0;
        map["a_i"] = map["b_i"] = map["c_i"] = Math.Round(amps, 2);
    }
}
