using Microsoft.Playwright;
using SolarDashboard.Testing;

namespace SolarDashboard.E2E;

/// <summary>One app process and one Chromium for the whole test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public AppProcess App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots land here; CI keeps them as artefacts, and a person looks at them.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppProcess.RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: run ./test.sh, which installs Debian's chromium package.");
        App = await AppProcess.StartAsync();
        // The overview does not refresh itself yet: wait for the first sync before any page is looked at.
        await AppProcess.WaitUntilAsync(async () => (await App.Client.GetStringAsync("/")).Contains("data-connection-state=\"Connected\""),
            TimeSpan.FromSeconds(60), "the demo connection to connect");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}
