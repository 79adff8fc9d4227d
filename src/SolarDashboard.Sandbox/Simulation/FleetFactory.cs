namespace SolarDashboard.Sandbox.Simulation;

/// <summary>Builds the simulated fleet deterministically from the seed.</summary>
public static class FleetFactory
{
    private sealed record Site(string City, string Country, double Lat, double Lon, string Zone);

    // At least three time zones on both hemispheres, so plant-local days, months and DST are exercised.
    private static readonly Site[] InstallerSites =
    [
        new("Berlin", "Germany", 52.52, 13.40, "Europe/Berlin"),
        new("Sydney", "Australia", -33.87, 151.21, "Australia/Sydney"),
        new("Madrid", "Spain", 40.42, -3.70, "Europe/Madrid"),
        new("São Paulo", "Brazil", -23.55, -46.63, "America/Sao_Paulo"),
        new("Munich", "Germany", 48.14, 11.58, "Europe/Berlin"),
        new("Perth", "Australia", -31.95, 115.86, "Australia/Perth"),
        new("Lisbon", "Portugal", 38.72, -9.14, "Europe/Lisbon"),
        new("Shanghai", "China", 31.23, 121.47, "Asia/Shanghai"),
        new("London", "United Kingdom", 51.51, -0.13, "Europe/London"),
        new("Johannesburg", "South Africa", -26.20, 28.05, "Africa/Johannesburg"),
        new("Athens", "Greece", 37.98, 23.73, "Europe/Athens"),
        new("Amsterdam", "Netherlands", 52.37, 4.90, "Europe/Amsterdam"),
    ];

    private static readonly Site[] OwnerSites =
    [
        new("Utrecht", "Netherlands", 52.09, 5.12, "Europe/Amsterdam"),
        new("Vienna", "Austria", 48.21, 16.37, "Europe/Vienna"),
        new("Graz", "Austria", 47.07, 15.44, "Europe/Vienna"),
        new("Lyon", "France", 45.76, 4.84, "Europe/Paris"),
    ];

    private static readonly string[] Streets = ["Lindenweg", "Harbour Road", "Calle Mayor", "Rua Verde", "Sonnenstraße", "Ocean Drive", "Rua do Sol", "Nanjing Road", "Mill Lane", "Jacaranda Ave", "Odos Ilíou", "Zonnelaan"];
    private static readonly string[] Contacts = ["Mia Keller", "Liam Turner", "Lucía García", "João Silva", "Felix Bauer", "Chloe Nguyen", "Inês Costa", "Wei Zhang", "Oliver Smith", "Thandi Mokoena", "Eleni Papadopoulou", "Daan de Vries"];

    public static Fleet Build(int seed, FleetOptions options, DateTimeOffset simNow)
    {
        var plants = new List<SimPlant>();
        var devices = new List<SimDevice>();
        var installerCodes = new List<string>();
        var owners = new List<SimOwner>();
        var index = 0;

        for (var i = 0; i < options.InstallerPlants; i++)
        {
            var site = InstallerSites[i % InstallerSites.Length];
            // Every third plant is commercial (C&I) unless the fleet is all residential.
            var kind = !options.InstallerAllResidential && i % 3 == 1 ? PlantKind.Commercial : PlantKind.Residential;
            var name = kind == PlantKind.Commercial
                ? $"{site.City} Logistics Roof {i / InstallerSites.Length + 1}"
                : $"{site.City} Residence {i / InstallerSites.Length + 1}";
            var plant = MakePlant(seed, index++, site, kind, name, Contacts[i % Contacts.Length], simNow,
                controller: kind == PlantKind.Commercial ? ControllerKind.SmartLogger : options.ResidentialDongles ? ControllerKind.Dongle : ControllerKind.Inverter,
                controllerOnline: true, lgBattery: false);
            plants.Add(plant);
            installerCodes.Add(plant.Code);
            devices.AddRange(MakeDevices(seed, plant));
        }

        var ownerIndex = 0;
        foreach (var owner in options.EffectiveOwners)
        {
            var codes = new List<string>();
            for (var p = 0; p < owner.Plants; p++)
            {
                var site = OwnerSites[(ownerIndex + p) % OwnerSites.Length];
                var display = Capitalize(owner.UserName.Replace("owner-", "", StringComparison.Ordinal));
                var second = p > 0;
                // owner-ben's plants show the special cases: an LG battery behind an EMMA, and a plant whose
                // Dongle is disconnected, so control tasks to it always fail.
                var isBen = owner.UserName == "owner-ben";
                var controller = isBen && !second ? ControllerKind.Emma : ControllerKind.Dongle;
                var name = p == 0 ? $"{display}'s Home" : $"{display}'s {(p == 1 ? "Garage" : $"Cabin {p}")}";
                var plant = MakePlant(seed, index++, site, PlantKind.Residential, name, display, simNow,
                    controller, controllerOnline: !(isBen && p == 1), lgBattery: isBen && p == 0);
                plants.Add(plant);
                codes.Add(plant.Code);
                devices.AddRange(MakeDevices(seed, plant));
            }
            owners.Add(new SimOwner(owner.UserName, owner.Password, codes));
            ownerIndex += owner.Plants;
        }

        return new Fleet
        {
            Plants = plants,
            PlantsByCode = plants.ToDictionary(p => p.Code),
            Devices = devices,
            DevicesById = devices.ToDictionary(d => d.Id),
            DevicesBySn = devices.ToDictionary(d => d.Esn),
            DevicesByPlant = devices.ToLookup(d => d.StationCode),
            Installer = new SimApiAccount(options.InstallerUserName, options.InstallerSystemCode, installerCodes),
            Owners = owners,
        };
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static SimPlant MakePlant(int seed, int index, Site site, PlantKind kind, string name, string contact,
        DateTimeOffset simNow, ControllerKind controller, bool controllerOnline, bool lgBattery)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(site.Zone);
        // Unique by construction: the index picks the thousand, the seed the rest.
        var code = $"NE={33_554_432L + index * 1000L + (long)(DetRandom.Unit(seed, 1, index) * 1000)}";
        var capacity = kind == PlantKind.Commercial
            ? Math.Round(DetRandom.Range(80, 250, seed, 2, index), 1)
            : Math.Round(DetRandom.Range(5, 12, seed, 2, index), 2);
        // Grid connection between 0.5 and 2.5 years ago, at a plant-local midday.
        var daysAgo = (int)DetRandom.Range(180, 900, seed, 3, index);
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(simNow, zone).DateTime).AddDays(-daysAgo);
        var localNoon = localDay.ToDateTime(new TimeOnly(11, 30));
        var gridConnection = new DateTimeOffset(localNoon, zone.GetUtcOffset(localNoon));
        BatterySpec battery = kind == PlantKind.Commercial
            ? new BatterySpec("LUNA2000-200KWH-2H1", 200, 100, 100, false)
            : lgBattery
                ? new BatterySpec("LG RESU10H Prime", 9.6, 5, 5, true)
                : new BatterySpec("LUNA2000-10-S0", 10, 5, 5, false);
        var lat = site.Lat + DetRandom.Range(-0.05, 0.05, seed, 4, index);
        var lon = site.Lon + DetRandom.Range(-0.05, 0.05, seed, 5, index);
        return new SimPlant(index, code, name,
            $"{(int)DetRandom.Range(1, 120, seed, 6, index)} {Streets[index % Streets.Length]}, {site.City}, {site.Country}",
            Math.Round(lat, 6), Math.Round(lon, 6), zone, kind, capacity, gridConnection, contact,
            $"{contact.ToLowerInvariant().Replace(' ', '.')}@example.com", battery, controller, controllerOnline,
            kind == PlantKind.Commercial ? 0.18 : 0.30);
    }

    private static IEnumerable<SimDevice> MakeDevices(int seed, SimPlant plant)
    {
        var n = 0;
        SimDevice Make(int type, string name, string? model, double rated = 0, double share = 0, int strings = 0, int? optimizers = null, string sw = "V100R001C00SPC100")
        {
            var id = 1_000_000_000_000L + plant.Index * 100L + n;
            var esn = $"{Prefix(type)}{(DetRandom.Hash(seed, 7, plant.Index, n) % 100_000_000UL):D8}";
            var dev = new SimDevice(id, $"NE={34_000_000 + plant.Index * 100 + n}", name, plant.Code, esn, type, sw, model, rated, share, strings, optimizers);
            n++;
            return dev;
        }

        if (plant.Kind == PlantKind.Residential)
        {
            var rated = Math.Min(10, Math.Ceiling(plant.CapacityKwp));
            yield return Make(DevType.ResidentialInverter, "Inverter-1", $"SUN2000-{rated:0}KTL-M1", rated, 1.0, 2,
                optimizers: plant.Index % 4 == 0 ? 12 : 0, sw: "V100R001C10SPC112");
            yield return Make(DevType.Battery, "Battery-1", plant.Battery!.Model, sw: plant.Battery.IsLg ? "LG-1.2.3" : "V100R002C00SPC211");
            yield return Make(DevType.PowerSensor, "Meter-1", "DTSU666-H", sw: "V100R001C00");
            if (plant.Controller == ControllerKind.Emma) yield return Make(DevType.Emma, "EMMA-1", "EMMA-A02", sw: "V100R024C00SPC101");
            else if (plant.Controller == ControllerKind.Dongle) yield return Make(DevType.Dongle, "Dongle-1", "SDongleA-05", sw: "V100R001C00SPC127");
        }
        else
        {
            var inverters = plant.CapacityKwp > 160 ? 3 : 2;
            var rated = Math.Ceiling(plant.CapacityKwp / inverters / 1.1 / 5) * 5;
            for (var i = 1; i <= inverters; i++)
                yield return Make(DevType.StringInverter, $"Inverter-{i}", $"SUN2000-{rated:0}KTL-M3", rated, 1.0 / inverters, 8, sw: "V500R001C00SPC128");
            yield return Make(DevType.GridMeter, "Grid Meter", "DTSU666-HW", sw: "V100R001C00");
            yield return Make(DevType.Ess, "ESS-1", plant.Battery!.Model, sw: "V100R023C00SPC120");
            yield return Make(DevType.Emi, "EMI-1", "PT-EMI-01", sw: "V100R001C00");
            yield return Make(DevType.SmartLogger, "SmartLogger-1", "SmartLogger3000A", sw: "V300R023C10SPC120");
        }
    }

    private static string Prefix(int type) => type switch
    {
        DevType.ResidentialInverter => "HV2",
        DevType.StringInverter => "ES2",
        DevType.Battery => "BT2",
        DevType.PowerSensor => "PS2",
        DevType.GridMeter => "GM2",
        DevType.Ess => "ESS",
        DevType.Emi => "EMI",
        DevType.SmartLogger => "SL3",
        DevType.Dongle => "DG5",
        DevType.Emma => "EM2",
        _ => "DEV",
    };
}
