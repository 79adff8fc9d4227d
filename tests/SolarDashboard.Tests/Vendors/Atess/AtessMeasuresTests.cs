using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;
using SolarDashboard.Vendors.Atess;
using SolarDashboard.Vendors.Atess.Model;

namespace SolarDashboard.Tests.Vendors.Atess;

/// <summary>ATESS raw values in standard measures, once per family: units, signs and which field counts.</summary>
public sealed class AtessMeasuresTests
{
    private static readonly AtessMeasures Mapping = new();

    /// <summary>One upload of an HPS150HV at noon: 120 kW of PV (40 on PV1), the battery discharging 20 kW, importing 5 kW.</summary>
    private static readonly Dictionary<string, double?> Hps150 = new()
    {
        ["ppv"] = 40, ["ppv1"] = 120, ["pac"] = 20, ["capacity"] = 64, ["meterPower"] = 5, ["loadActivePower"] = 100, ["nonCriticalLoad"] = 41,
        ["epvToday"] = 300, ["epvTotal"] = 90_000, ["egridToday"] = 12, ["etoGridToday"] = 30, ["egridTotal"] = 4_000, ["etoGridTotal"] = 9_000,
        ["echargeToday"] = 80, ["edischargeToday"] = 50, ["ebatChargeTotal"] = 20_000, ["ebatDischargeTotal"] = 18_000,
        ["eloadToday"] = 200, ["dailyNonCriticalEnergy"] = 52, ["eloadTotal"] = 60_000, ["totalNonCriticalEnergy"] = 15_000, ["status"] = 1,
    };

    private static double? Of(StandardValues values, StandardMeasure measure) => values[measure];

    [Fact]
    public void A_central_hv_hps_counts_its_total_pv_its_battery_charging_positive_and_its_import_positive()
    {
        var values = Mapping.Device("HPS150HV", Hps150);

        Assert.Equal(120, Of(values, StandardMeasure.PvKw)); // ppv1, "Total PV Power"; its ppv is PV1 only
        Assert.Equal(-20, Of(values, StandardMeasure.BatteryKw)); // pac is positive while discharging
        Assert.Equal(5, Of(values, StandardMeasure.GridKw));
        Assert.Equal(141, Of(values, StandardMeasure.LoadKw)); // critical and non-critical load
        Assert.Equal(64, Of(values, StandardMeasure.Soc));
        Assert.Equal((300.0, 12.0, 30.0, 80.0, 50.0, 252.0), (Of(values, StandardMeasure.PvKwhToday)!.Value, Of(values, StandardMeasure.GridImportKwhToday)!.Value,
            Of(values, StandardMeasure.GridExportKwhToday)!.Value, Of(values, StandardMeasure.ChargeKwhToday)!.Value, Of(values, StandardMeasure.DischargeKwhToday)!.Value,
            Of(values, StandardMeasure.LoadKwhToday)!.Value));
        Assert.Equal((90_000.0, 4_000.0, 9_000.0, 20_000.0, 18_000.0, 75_000.0), (Of(values, StandardMeasure.PvKwhTotal)!.Value, Of(values, StandardMeasure.GridImportKwhTotal)!.Value,
            Of(values, StandardMeasure.GridExportKwhTotal)!.Value, Of(values, StandardMeasure.ChargeKwhTotal)!.Value, Of(values, StandardMeasure.DischargeKwhTotal)!.Value,
            Of(values, StandardMeasure.LoadKwhTotal)!.Value));
        Assert.Equal(Health.Healthy, values.Health);
    }

    [Fact]
    public void Other_hps_models_count_ppv_and_a_pcs_no_pv_at_all()
    {
        Assert.Equal(40, Of(Mapping.Device("HPS50", Hps150), StandardMeasure.PvKw));
        var pcs = Mapping.Device("PCS100", Hps150);
        Assert.False(pcs.Has(StandardMeasure.PvKw));
        Assert.False(pcs.Has(StandardMeasure.PvKwhToday));
        Assert.Equal((-20.0, 5.0, 141.0), (Of(pcs, StandardMeasure.BatteryKw)!.Value, Of(pcs, StandardMeasure.GridKw)!.Value, Of(pcs, StandardMeasure.LoadKw)!.Value));
    }

    [Fact]
    public void A_pbd_counts_its_pv_and_leaves_its_battery_to_the_pcs()
    {
        var pbd = Mapping.Device("PBD250", new Dictionary<string, double?> { ["ppv"] = 80, ["epvToday"] = 210, ["pac"] = -60, ["capacity"] = 70, ["status"] = 1 });
        Assert.Equal((80.0, 210.0, 70.0), (Of(pbd, StandardMeasure.PvKw)!.Value, Of(pbd, StandardMeasure.PvKwhToday)!.Value, Of(pbd, StandardMeasure.Soc)!.Value));
        Assert.False(pbd.Has(StandardMeasure.BatteryKw));
        // Without ppv, its inputs' sum.
        Assert.Equal(45, Of(Mapping.Device("PBD250", new Dictionary<string, double?> { ["ppv1"] = 20, ["ppv2"] = 25, ["ppv3"] = null }), StandardMeasure.PvKw));
    }

    [Fact]
    public void Bms_racks_and_master_bms_count_the_battery_only()
    {
        var rack = Mapping.Device("BCU", new Dictionary<string, double?> { ["pac"] = -5, ["capacity"] = 71, ["echargeToday"] = 9, ["status"] = 0 });
        Assert.Equal((5.0, 71.0, 9.0, Health.Healthy), (Of(rack, StandardMeasure.BatteryKw)!.Value, Of(rack, StandardMeasure.Soc)!.Value,
            Of(rack, StandardMeasure.ChargeKwhToday)!.Value, rack.Health)); // standby is a working battery
        Assert.False(rack.Has(StandardMeasure.GridKw));
        Assert.Equal(0.0, Of(Mapping.Device("MBMS", new Dictionary<string, double?> { ["pac"] = 0 }), StandardMeasure.BatteryKw)); // idle is 0, not −0
    }

    [Fact]
    public void Missing_or_unreadable_fields_leave_the_measure_out_rather_than_guess()
    {
        var partial = new Dictionary<string, double?>(Hps150) { ["nonCriticalLoad"] = null };
        partial.Remove("ppv1");
        var values = Mapping.Device("HPS150HV", partial);
        Assert.False(values.Has(StandardMeasure.LoadKw)); // half the load is no load figure
        Assert.False(values.Has(StandardMeasure.PvKw)); // PV1 alone is not the PV power
        Assert.Equal(Health.Faulty, Mapping.Device("HPS50", new Dictionary<string, double?> { ["status"] = 2 }).Health);
        Assert.Equal(Health.Faulty, Mapping.Device("HPS50", new Dictionary<string, double?> { ["status"] = 3 }).Health); // switched off
    }

    [Theory]
    [InlineData("HPS150HV", DeviceRole.HybridInverter)]
    [InlineData("HPS30", DeviceRole.HybridInverter)]
    [InlineData("PCS100", DeviceRole.HybridInverter)]
    [InlineData("PBD250", DeviceRole.DcConverter)]
    [InlineData("MBMS", DeviceRole.Battery)]
    [InlineData("BCU", DeviceRole.BmsRack)]
    [InlineData("DataLog", DeviceRole.Logger)]
    [InlineData("XYZ", DeviceRole.Other)]
    public void Each_type_has_its_role(string vendorType, DeviceRole role) => Assert.Equal(role, Mapping.RoleOf(vendorType));

    [Theory]
    [InlineData(AtessFamily.HpsCentral, "HPS150HV", "HPS150HV")]
    [InlineData(AtessFamily.HpsString, null, "HPS")]
    [InlineData(AtessFamily.Pcs, "100K", "PCS 100K")]
    [InlineData(AtessFamily.Bcu, "anything", "BCU")]
    [InlineData(AtessFamily.Mbms, null, "MBMS")]
    public void The_vendor_type_is_the_model_named_by_its_family(AtessFamily family, string? model, string vendorType) =>
        Assert.Equal(vendorType, AtessDeviceTypes.VendorType(family, model));

    [Fact]
    public void Totals_are_lifetime_counters_and_day_counters_are_not()
    {
        Assert.All(["epvTotal", "ebatChargeTotal", "totalEnergyToMeter", "dgTotalIntakePower", "outTotalDischarge"], k => Assert.True(Mapping.IsLifetimeCounter(k), k));
        Assert.All(["epvToday", "dailyEnergyToMeter", "ppv", "outDailyDischarge"], k => Assert.False(Mapping.IsLifetimeCounter(k), k));
    }

    [Fact]
    public void A_day_report_is_the_day_counters_of_the_day_s_last_upload()
    {
        var day = Mapping.DeviceReport("HPS150HV", ReportPeriod.Day, Hps150);
        Assert.Equal((300.0, 12.0, 30.0, 80.0, 50.0, 252.0), (Of(day, StandardMeasure.PvKwh)!.Value, Of(day, StandardMeasure.GridImportKwh)!.Value,
            Of(day, StandardMeasure.GridExportKwh)!.Value, Of(day, StandardMeasure.ChargeKwh)!.Value, Of(day, StandardMeasure.DischargeKwh)!.Value,
            Of(day, StandardMeasure.LoadKwh)!.Value));
        Assert.True(Mapping.Plant(Hps150).IsEmpty); // ATESS reports nothing for a plant itself
    }
}
