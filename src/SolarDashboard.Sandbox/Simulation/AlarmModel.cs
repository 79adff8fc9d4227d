namespace SolarDashboard.Sandbox.Simulation;

/// <summary>
/// Alarms that rise and clear over time, deterministic from the seed: each device may raise one episode per 12-hour slot,
/// lasting from 20 minutes to 36 hours. A disconnected controller raises a standing alarm.
/// </summary>
public static class AlarmModel
{
    private static readonly TimeSpan Slot = TimeSpan.FromHours(12);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(36);

    // Names, causes and suggestions as the vendor's alarm reference words them (levels: 1 critical … 4 warning).
    private static readonly AlarmDefinition[] Inverter =
    [
        new(2032, 1, "Grid Overvoltage", 2, 2, "The grid voltage exceeds the upper threshold or the high-voltage duration exceeds the value specified by HVRT.",
            "1. If the alarm occurs occasionally, the power grid may be abnormal temporarily; the inverter recovers automatically once the grid is normal. 2. If it occurs frequently, check whether the grid voltage is within the allowed range. If not, contact the local power operator."),
        new(2062, 1, "Low Insulation Resistance", 2, 2, "1. A short circuit exists between the PV array and the ground. 2. The PV array is in a moist environment and the cable is not well insulated to the ground.",
            "1. Check the impedance between the PV array output and the ground and eliminate any short circuit or poor insulation. 2. Check that the PE cable of the inverter is correctly connected."),
        new(2011, 1, "String Reverse Connection", 1, 2, "The PV string is reversely connected.",
            "Check whether the PV string is reversely connected. If so, wait until the solar irradiance declines at night and the PV string current goes below 0.5 A, turn off the DC switch and correct the connection."),
        new(2038, 1, "Abnormal Grid Frequency", 3, 2, "The actual grid frequency is higher or lower than the requirement of the local power grid standard.",
            "If the alarm occurs occasionally, the power grid may be abnormal temporarily and the inverter recovers automatically. If it occurs frequently, contact the local power operator."),
        new(2064, 5, "The device is abnormal.", 2, 2, "An unrecoverable fault has occurred in the internal circuit of the device.",
            "Turn off the AC and DC switches, wait for 5 minutes, and then turn on the AC and DC switches. If the fault persists, contact your dealer or technical support."),
    ];

    private static readonly AlarmDefinition[] BatteryAlarms =
    [
        new(3011, 2, "Battery expansion module undervoltage", 4, 2, "1. The voltage of a battery expansion module is low.",
            "1. If the sunlight is sufficient or AC reverse charging is allowed, the battery expansion module can be charged when the inverter is running."),
        new(3005, 1, "Battery Temperature Too High", 3, 2, "The ambient temperature of the battery is too high.",
            "Check the ventilation around the battery and keep the ambient temperature within the operating range."),
    ];

    private static readonly AlarmDefinition[] MeterAlarms =
    [
        new(2068, 3, "Abnormal Meter Communication", 3, 2, "The communication cable between the meter and the inverter is disconnected or loose.",
            "Check the RS485 cable between the meter and the inverter and reconnect it firmly."),
    ];

    private static readonly AlarmDefinition[] EmiAlarms =
    [
        new(61440, 1, "EMI Communication Failure", 4, 5, "The environmental monitoring instrument does not respond.",
            "Check the power supply and communication cable of the EMI."),
    ];

    public static readonly AlarmDefinition ControllerDisconnected = new(2067, 1, "Communication Interrupted", 2, 2,
        "The controller of the plant has lost its connection to the management system.",
        "Check the power supply and network connection of the controller (Dongle, EMMA or SmartLogger) and restart it.");

    public static IEnumerable<ActiveAlarm> ActiveAt(int seed, Fleet fleet, SimPlant plant, DateTimeOffset now)
    {
        foreach (var device in fleet.DevicesByPlant[plant.Code])
        {
            if (!plant.ControllerOnline && device == fleet.Controller(plant.Code))
            {
                yield return new ActiveAlarm(ControllerDisconnected, device, plant, plant.GridConnection.AddDays(3), DateTimeOffset.MaxValue);
                continue;
            }
            var catalog = Catalog(device.TypeId);
            if (catalog.Length == 0) continue;
            var slot = now.ToUnixTimeSeconds() / (long)Slot.TotalSeconds;
            for (var s = slot - (long)(MaxDuration / Slot) - 1; s <= slot; s++)
            {
                if (DetRandom.Unit(seed, 31, device.Id, s) >= 0.05) continue;
                var start = DateTimeOffset.FromUnixTimeSeconds(s * (long)Slot.TotalSeconds)
                    + TimeSpan.FromMinutes(5 * (int)DetRandom.Range(0, 144, seed, 32, device.Id, s));
                var duration = TimeSpan.FromMinutes(20 + DetRandom.Unit(seed, 33, device.Id, s) * (MaxDuration.TotalMinutes - 20));
                if (start <= now && now < start + duration && start >= plant.GridConnection)
                    yield return new ActiveAlarm(catalog[DetRandom.Hash(seed, 34, device.Id, s) % (ulong)catalog.Length], device, plant, start, start + duration);
            }
        }
    }

    private static AlarmDefinition[] Catalog(int devType) => devType switch
    {
        DevType.StringInverter or DevType.ResidentialInverter => Inverter,
        DevType.Battery or DevType.Ess => BatteryAlarms,
        DevType.PowerSensor or DevType.GridMeter => MeterAlarms,
        DevType.Emi => EmiAlarms,
        _ => [],
    };
}
