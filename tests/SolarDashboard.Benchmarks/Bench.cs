using System.Globalization;

/// <summary>
/// What a run judges. Correctness checks (errors counted, rows that must not change, answers that must match) fail the
/// run in every mode; timing targets print PASS or MISS in a full run and are not judged in a smoke run, since they
/// measure the machine as much as the code.
/// </summary>
internal static class Bench
{
    private static readonly List<string> Failures = [];

    public static BenchOptions Options { get; set; } = new("", false, 50, 30, 20);

    public static bool Smoke => Options.Smoke;

    /// <summary>Picks the full size or the smoke size of a scenario.</summary>
    public static int Size(int full, int smoke) => Smoke ? smoke : full;

    public static IReadOnlyList<string> Failed => Failures;

    /// <summary>A correctness check: printed, and a failure fails the run.</summary>
    public static void Check(bool ok, string what)
    {
        Console.WriteLine($"check: {what}: {(ok ? "ok" : "FAILED")}");
        if (!ok) Failures.Add(what);
    }

    public static void Fail(string what)
    {
        Console.WriteLine($"FAILED: {what}");
        Failures.Add(what);
    }

    /// <summary>A timing target, e.g. Target("ms", 105.3, "&lt;=", 250): "target ms <= 250: 105.3 PASS".</summary>
    public static void Target(string name, double value, string op, double limit)
    {
        var met = op switch
        {
            "<=" => value <= limit,
            ">=" => value >= limit,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "<= or >="),
        };
        var verdict = Smoke ? "not judged (smoke)" : met ? "PASS" : "MISS";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target {name} {op} {limit}: {value:0.0#} {verdict}"));
    }

    /// <summary>The machine the figures were measured on: cores and load average (other work on a shared machine skews timings).</summary>
    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, load average {(File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?")}";
}
