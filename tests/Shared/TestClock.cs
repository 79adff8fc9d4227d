using System.Globalization;

namespace SolarDashboard.Testing;

/// <summary>
/// The simulated instant every test that starts the app pins the sandbox clock to, so tests pass on any date. A summer
/// morning in Europe by default (plants in Berlin produce, plants in Sydney are dark); the environment variable
/// SD_TEST_CLOCK (an ISO 8601 instant) moves the whole run to another instant, e.g. the first hour of a month, a DST
/// change or New Year's Eve (see README, "Test").
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset SummerMorning = new(2026, 6, 17, 10, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Start { get; } =
        Environment.GetEnvironmentVariable("SD_TEST_CLOCK") is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : SummerMorning;
}
