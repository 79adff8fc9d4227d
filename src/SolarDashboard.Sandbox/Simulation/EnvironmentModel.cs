namespace SolarDashboard.Sandbox.Simulation;

/// <summary>Sun position, clear-sky irradiance, weather, temperature and household/business load.</summary>
internal static class EnvironmentModel
{
    private const double Deg = Math.PI / 180;

    /// <summary>Solar elevation in degrees (NOAA low-precision formulas; good to a fraction of a degree).</summary>
    public static double SunElevation(double latitude, double longitude, DateTimeOffset utc)
    {
        var dayOfYear = utc.UtcDateTime.DayOfYear;
        var hours = utc.UtcDateTime.TimeOfDay.TotalHours;
        var gamma = 2 * Math.PI / 365 * (dayOfYear - 1 + (hours - 12) / 24);
        var eqTime = 229.18 * (0.000075 + 0.001868 * Math.Cos(gamma) - 0.032077 * Math.Sin(gamma)
            - 0.014615 * Math.Cos(2 * gamma) - 0.040849 * Math.Sin(2 * gamma));
        var decl = 0.006918 - 0.399912 * Math.Cos(gamma) + 0.070257 * Math.Sin(gamma) - 0.006758 * Math.Cos(2 * gamma)
            + 0.000907 * Math.Sin(2 * gamma) - 0.002697 * Math.Cos(3 * gamma) + 0.00148 * Math.Sin(3 * gamma);
        var solarMinutes = hours * 60 + eqTime + 4 * longitude;
        var hourAngle = (solarMinutes / 4 - 180) * Deg;
        var lat = latitude * Deg;
        var sinEl = Math.Sin(lat) * Math.Sin(decl) + Math.Cos(lat) * Math.Cos(decl) * Math.Cos(hourAngle);
        return Math.Asin(Math.Clamp(sinEl, -1, 1)) / Deg;
    }

    /// <summary>Global horizontal irradiance under a clear sky, W/m² (Haurwitz model).</summary>
    public static double ClearSkyGhi(double elevationDeg)
    {
        if (elevationDeg <= 0) return 0;
        var cosZ = Math.Sin(elevationDeg * Deg);
        return 1098 * cosZ * Math.Exp(-0.057 / cosZ);
    }

    /// <summary>Share of clear-sky irradiance that reaches the panels: a day type plus passing clouds.</summary>
    public static double CloudFactor(int seed, int plant, DateTimeOffset utc)
    {
        var day = utc.ToUnixTimeSeconds() / 86400;
        var kind = DetRandom.Unit(seed, 11, plant, day);
        double level, variability;
        if (kind < 0.45) { level = DetRandom.Range(0.9, 1.0, seed, 12, plant, day); variability = 0.08; }
        else if (kind < 0.78) { level = DetRandom.Range(0.5, 0.85, seed, 12, plant, day); variability = 0.5; }
        else { level = DetRandom.Range(0.12, 0.35, seed, 12, plant, day); variability = 0.3; }

        // Passing clouds: noise knots every 30 minutes, interpolated linearly.
        var halfHours = utc.ToUnixTimeSeconds() / 1800.0;
        var k0 = (long)Math.Floor(halfHours);
        var frac = halfHours - k0;
        var n0 = DetRandom.Unit(seed, 13, plant, k0);
        var n1 = DetRandom.Unit(seed, 13, plant, k0 + 1);
        var noise = n0 + (n1 - n0) * frac;
        return Math.Clamp(level * (1 - variability * noise), 0.05, 1.0);
    }

    /// <summary>Ambient temperature, °C: seasonal by hemisphere plus a daily swing peaking mid-afternoon.</summary>
    public static double AmbientTemperature(double latitude, DateTimeOffset local)
    {
        var seasonPhase = 2 * Math.PI * (local.DayOfYear - 200) / 365.0;
        var seasonal = Math.Cos(seasonPhase) * (latitude >= 0 ? 1 : -1);
        var mean = 14 + 9 * seasonal - Math.Abs(latitude) / 10 + 4;
        var daily = 5 * Math.Cos(2 * Math.PI * (local.TimeOfDay.TotalHours - 15) / 24);
        return mean + daily;
    }

    /// <summary>Consumption in kW for the plant at a plant-local instant.</summary>
    public static double Load(int seed, SimPlant plant, DateTimeOffset local, long slot)
    {
        var h = local.TimeOfDay.TotalHours;
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var noise = DetRandom.Range(0.75, 1.25, seed, 21, plant.Index, slot);
        if (plant.Kind == PlantKind.Residential)
        {
            var household = DetRandom.Range(0.8, 1.4, seed, 22, plant.Index);
            var kw = 0.3 + 0.9 * Bump(h, 7.5, 1.0) + 1.6 * Bump(h, 19.5, 1.8) + (weekend ? 0.8 : 0.3) * Bump(h, 13, 2.2);
            return kw * household * noise;
        }

        var business = weekend ? 0.1 : Math.Clamp((h - 6.5) / 1.5, 0, 1) * Math.Clamp((19 - h) / 1.5, 0, 1);
        return plant.CapacityKwp * (0.07 + 0.45 * business) * noise;
    }

    private static double Bump(double h, double center, double width) => Math.Exp(-Math.Pow((h - center) / width, 2));
}
