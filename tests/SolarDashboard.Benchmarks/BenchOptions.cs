using System.Globalization;

/// <summary>
/// The command line: a scenario (or "all"), --smoke for the short run that checks the code path but judges no timing,
/// and the load scenario's --clients, --seconds and --circuits (smoke defaults: 5 clients, 3 s, 2 circuits).
/// </summary>
internal sealed record BenchOptions(string Scenario, bool Smoke, int Clients, int Seconds, int Circuits)
{
    public static BenchOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return null;
        var smoke = args.Contains("--smoke");
        int? clients = null, seconds = null, circuits = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke": break;
                case "--clients" when Number(args, i) is { } n: clients = n; i++; break;
                case "--seconds" when Number(args, i) is { } n: seconds = n; i++; break;
                case "--circuits" when Number(args, i) is { } n: circuits = n; i++; break;
                default: return null;
            }
        }
        return new BenchOptions(args[0], smoke, clients ?? (smoke ? 5 : 50), seconds ?? (smoke ? 3 : 30), circuits ?? (smoke ? 2 : 20));
    }

    private static int? Number(string[] args, int i) =>
        i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;
}
