namespace SolarDashboard.Tests.Support;

/// <summary>
/// Literal examples from the vendors' references, kept as fixture files under tests/SolarDashboard.Tests/Fixtures
/// (copied to the output folder). Each file name starts with the reference section it was copied from, so a test
/// checks against the reference without needing the reference beside the repository.
/// </summary>
public static class ReferenceDocs
{
    /// <summary>The text of Fixtures/<paramref name="vendor"/>/<paramref name="file"/>.</summary>
    public static string Fixture(string vendor, string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", vendor, file);
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"Fixture {vendor}/{file} is missing.", path);
    }

    /// <summary>An example of the FusionSolar Northbound Interface reference (SmartPVMS NBI 24.5.0).</summary>
    public static string FusionSolar(string file) => Fixture("FusionSolar", file);
}
