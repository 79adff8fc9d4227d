using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Sandbox.Atess;

/// <summary>Builds the demo ATESS fleet deterministically from the sandbox seed.</summary>
internal static class AtessFleetFactory
{
    private sealed record Site(string Name, string Country, string City, string Address, double Lat, double Lon, string Zone, double Volts, double Hertz);

    /// <summary>The three demo sites: C&amp;I with central HPS and BMS racks; a farm with PCS, PBD and string HPS; a small site whose datalog lost contact.</summary>
    private static readonly (Site Site, AtessKit Kit)[] DemoSites =
    [
        (new("Nairobi Cold Store", "Kenya", "Nairobi", "Enterprise Road 14, Industrial Area", -1.3090, 36.8510, "Africa/Nairobi", 240, 50), AtessKits.CommercialHps150),
        (new("Riverland Farm", "Australia", "Renmark", "2210 Sturt Highway", -34.1740, 140.7470, "Australia/Adelaide", 230, 50), AtessKits.Farm),
        (new("Quezon City Clinic", "Philippines", "Quezon City", "88 Tandang Sora Avenue", 14.6760, 121.0437, "Asia/Manila", 230, 60), AtessKits.SmallHps30),
    ];

    /// <summary>Places for <see cref="AtessOptions.ExtraSites"/>, on many offsets (half and three-quarter hours included).</summary>
    private static readonly Site[] ExtraPlaces =
    [
        new("Cape Town Packhouse", "South Africa", "Cape Town", "Voortrekker Road 301", -33.92, 18.42, "Africa/Johannesburg", 230, 50),
        new("Dubai Warehouse", "United Arab Emirates", "Dubai", "Al Quoz 3, Street 17", 25.14, 55.23, "Asia/Dubai", 230, 50),
        new("Pune Textile Mill", "India", "Pune", "MIDC Bhosari, Plot 42", 18.63, 73.85, "Asia/Kolkata", 230, 50),
        new("Pokhara Lodge", "Nepal", "Pokhara", "Lakeside Road 6", 28.21, 83.96, "Asia/Kathmandu", 230, 50),
        new("Santiago Winery", "Chile", "Santiago", "Camino Lo Barnechea 1200", -33.45, -70.66, "America/Santiago", 220, 50),
        new("Lagos Clinic", "Nigeria", "Lagos", "Adeola Odeku Street 9", 6.43, 3.42, "Africa/Lagos", 230, 50),
        new("Hanoi Factory", "Vietnam", "Hanoi", "Thang Long Industrial Park, Lot 12", 21.13, 105.78, "Asia/Ho_Chi_Minh", 220, 50),
        new("Nadi Resort", "Fiji", "Nadi", "Queens Road 55", -17.80, 177.42, "Pacific/Fiji", 240, 50),
    ];

    private static readonly AtessKit[] ExtraKits = [AtessKits.CommercialHps150, AtessKits.Farm, AtessKits.SmallHps30];

    /// <summary>Hardware in stock: datalogs an account can add to its plant (onboarding).</summary>
    private static readonly AtessKit[] SpareKits = [AtessKits.CommercialHps100, AtessKits.SmallHps30];

    public static void Populate(AtessFleet fleet, int seed, AtessOptions options, DateTimeOffset simNow)
    {
        var serials = new HashSet<string>();
        var sites = DemoSites.ToList();
        for (var k = 0; k < options.ExtraSites; k++)
        {
            var place = ExtraPlaces[k % ExtraPlaces.Length];
            var round = k / ExtraPlaces.Length;
            sites.Add((place with { Name = round == 0 ? place.Name : $"{place.Name} {round + 1}" }, ExtraKits[k % ExtraKits.Length]));
        }

        for (var n = 0; n < sites.Count; n++)
        {
            var (site, kit) = sites[n];
            var zone = TimeZoneInfo.FindSystemTimeZoneById(site.Zone);
            // Installed between 60 and 150 days ago, at a plant-local late morning.
            var daysAgo = (int)DetRandom.Range(60, 150, seed, 61, n);
            var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(simNow, zone).DateTime).AddDays(-daysAgo);
            var localMorning = localDay.ToDateTime(new TimeOnly(11, 30));
            var installed = new DateTimeOffset(localMorning, zone.GetUtcOffset(localMorning));
            var id = 2_000_000 + n * 1000L + (long)(DetRandom.Unit(seed, 62, n) * 1000);
            var input = new PlantInput(site.Name, site.Country, site.City, site.Address, site.Lat, site.Lon, zone,
                kit.Systems.Sum(s => s.PvKwp), localDay);
            var plant = fleet.NewPlant(options.AccountId, input, installed - TimeSpan.FromHours(2), id, site.Volts, site.Hertz);
            var log = NewDataLog(fleet, seed, kit, serials, salt: n);
            fleet.AddDataLog(plant, log.Sn, PlantSimulator.FloorStep(installed));
            // The small demo site's datalog stopped reporting three hours before the sandbox started.
            if (n == 2) fleet.SetLost(log, true, simNow - TimeSpan.FromHours(3));
        }

        for (var k = 0; k < SpareKits.Length; k++)
            NewDataLog(fleet, seed, SpareKits[k], serials, salt: 500 + k);
    }

    private static AtessDataLog NewDataLog(AtessFleet fleet, int seed, AtessKit kit, HashSet<string> serials, int salt)
    {
        // A batch year per datalog (2023 to 2025), so serials depend on the seed only, not on when the sandbox starts.
        var year = 23 + (int)(DetRandom.Hash(seed, 64, salt) % 3);
        var logSn = Serial("UDL", seed, salt, 0, year, serials);
        var deviceSns = kit.Devices.Select((d, k) => Serial(Prefix(d.Family), seed, salt, k + 1, year, serials)).ToList();
        return fleet.NewDataLog(logSn, kit, deviceSns);
    }

    /// <summary>Ten characters shaped like the reference's example UMD0D23202: family, 0, a letter, two year digits, three digits.</summary>
    private static string Serial(string prefix, int seed, int salt, int k, int year, HashSet<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var h = DetRandom.Hash(seed, 63, salt * 100L + k, attempt);
            var sn = $"{prefix}0{(char)('A' + (int)(h % 26))}{year:D2}{(h >> 8) % 1000:D3}";
            if (taken.Add(sn)) return sn;
        }
    }

    private static string Prefix(AtessFamily family) => family switch
    {
        AtessFamily.HpsCentral => "UHC",
        AtessFamily.HpsString => "UHS",
        AtessFamily.Pcs => "UPC",
        AtessFamily.Pbd => "UMD",
        AtessFamily.Bcu => "UBC",
        _ => "UMB",
    };
}
