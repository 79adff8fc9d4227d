namespace SolarDashboard.Tests.Support;

/// <summary>The vendors' reference documents in ../shared/reference beside the repository (as CI has them).</summary>
public static class ReferenceDocs
{
    public static string Read(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", file);
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        throw new FileNotFoundException($"shared/reference/{file} was not found above {AppContext.BaseDirectory}.");
    }

    public static string FusionSolar => Read("fusionsolar-smartpvms-nbi-24.5.0.txt");

    /// <summary>The first fenced code block after <paramref name="marker"/> in the FusionSolar reference, as written.</summary>
    public static string FusionSolarBlockAfter(string marker)
    {
        var text = FusionSolar;
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"'{marker}' is not in the reference.");
        var open = text.IndexOf("```", at, StringComparison.Ordinal);
        var start = text.IndexOf('\n', open) + 1;
        var close = text.IndexOf("```", start, StringComparison.Ordinal);
        return text[start..close];
    }
}
