using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>The hardware kits of the simulated ATESS fleet. Models and ratings are illustrative, shaped like ATESS's range.</summary>
internal static class AtessKits
{
    private const string HpsFirmware = "HPS-V2.13.4";
    private const string PcsFirmware = "PCS-V2.11.0";
    private const string PbdFirmware = "PBD-V1.08.2";
    private const string BmsFirmware = "BMS-V3.2.1";

    /// <summary>C&amp;I: a central HPS150HV on the grid, a generator it may start, a master BMS and four BCU racks.</summary>
    public static readonly AtessKit CommercialHps150 = Central("ci-hps150hv", "HPS150HV", 150, 180, racks: 4, generatorKw: 100);

    /// <summary>A spare central HPS100HV with two racks, for onboarding.</summary>
    public static readonly AtessKit CommercialHps100 = Central("ci-hps100hv", "HPS100HV", 100, 120, racks: 2, generatorKw: 0);

    /// <summary>A farm: system 1 is a PCS with a PBD (DC-coupled PV) on the grid; system 2 a string HPS off the grid with a generator.</summary>
    public static readonly AtessKit Farm = new("farm-pcs-pbd-hps",
    [
        new SystemSpec(1, 100, 120, new BatteryLayout(2, 12, 16, 105), 100, OffGrid: false, GeneratorKw: 0, NonCriticalShare: 0.2, LoadScale: 0.5),
        new SystemSpec(2, 50, 40, new BatteryLayout(1, 15, 16, 105), 50, OffGrid: true, GeneratorKw: 30, NonCriticalShare: 0, LoadScale: 0.6),
    ],
    [
        new DeviceSpec(AtessFamily.Pcs, "PCS100", 1, 1, 1, PcsFirmware),
        new DeviceSpec(AtessFamily.Pbd, "PBD250", 1, 2, 1, PbdFirmware, [0.27, 0.25, 0.25, 0.23]),
        new DeviceSpec(AtessFamily.HpsString, "HPS50", 2, 3, 1, HpsFirmware, [0.5, 0.5]),
    ]);

    /// <summary>A small site: one string HPS30 on the grid, no BMS racks.</summary>
    public static readonly AtessKit SmallHps30 = new("small-hps30",
        [new SystemSpec(1, 30, 30, new BatteryLayout(1, 12, 16, 105), 30, OffGrid: false, GeneratorKw: 0, NonCriticalShare: 0.3, LoadScale: 0.5)],
        [new DeviceSpec(AtessFamily.HpsString, "HPS30", 1, 1, 1, HpsFirmware, [0.5, 0.5])]);

    private static AtessKit Central(string name, string model, double ratedKw, double pvKwp, int racks, double generatorKw)
    {
        var devices = new List<DeviceSpec>
        {
            new(AtessFamily.HpsCentral, model, 1, 1, 1, HpsFirmware, [0.34, 0.33, 0.33]),
            new(AtessFamily.Mbms, "MBMS", 1, 10, 1, BmsFirmware),
        };
        for (var r = 1; r <= racks; r++) devices.Add(new(AtessFamily.Bcu, "BCU", 1, 10 + r, r, BmsFirmware, Rack: r));
        return new AtessKit(name,
            [new SystemSpec(1, ratedKw, pvKwp, new BatteryLayout(racks, 10, 22, 105), ratedKw, OffGrid: false, generatorKw, NonCriticalShare: 0.25, LoadScale: 0.6)],
            devices);
    }
}
