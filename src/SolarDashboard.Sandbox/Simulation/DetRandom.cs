namespace SolarDashboard.Sandbox.Simulation;

/// <summary>
/// Stateless deterministic noise: the same inputs always give the same number, on every machine and .NET version
/// (System.Random's seeded sequence is not guaranteed across versions).
/// </summary>
internal static class DetRandom
{
    public static ulong Hash(long a, long b = 0, long c = 0, long d = 0)
    {
        var x = Mix((ulong)a ^ 0x9E3779B97F4A7C15UL);
        x = Mix(x ^ (ulong)b);
        x = Mix(x ^ (ulong)c);
        return Mix(x ^ (ulong)d);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(long a, long b = 0, long c = 0, long d = 0) => (Hash(a, b, c, d) >> 11) * (1.0 / (1UL << 53));

    public static double Range(double min, double max, long a, long b = 0, long c = 0, long d = 0) =>
        min + (max - min) * Unit(a, b, c, d);

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
