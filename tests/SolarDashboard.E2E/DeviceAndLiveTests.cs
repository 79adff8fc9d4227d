using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>The device page and its CSV export; a value updating live when the simulated world moves on.</summary>
public sealed class DeviceAndLiveTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_battery_shows_grouped_telemetry_and_exports_the_charted_series_as_csv()
    {
        foreach (var dark in new[] { false, true })
        {
            var (context, page, errors) = await fixture.OpenAsync(dark: dark);
            await using var _ = context;
            await page.GotoAsync("/plants");
            // A click while Blazor takes over the prerendered page can be lost: wait for the live circuit first.
            await page.Locator(".sd-layout[data-interactive=true]").WaitForAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Berlin Residence 1" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Battery-1" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Battery-1", Level = 1 })).ToBeVisibleAsync();
            await page.Locator(".sd-layout[data-interactive=true]").WaitForAsync();
            var battery = page.Locator("[data-group='Battery']");
            // Right after start the first sync round may still be on its way: the page fills in by itself when it lands.
            await Assertions.Expect(battery.Locator("[data-kpi='battery_soc'] td")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d+)? %$"), new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("[data-kpi='battery_status'] td")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Running|Standby)$"));
            await page.GetByText("3 days", new() { Exact = true }).ClickAsync();
            // The previous range already had points: wait for the re-render to carry the new range before reading anything.
            await Assertions.Expect(page.GetByTestId("csv-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("range=3days"));
            var history = page.GetByTestId("device-history");
            await Assertions.Expect(history.Locator(".sd-chart")).Not.ToHaveAttributeAsync("data-point-count", "0");

            var href = await page.GetByTestId("csv-link").GetAttributeAsync("href");
            Assert.Contains("kpi=battery_soc", href);
            Assert.Contains("range=3days", href);
            // Right after start the 3-day history pass may still be on its way (it is the last job of the first round).
            string[] lines = [];
            await SolarDashboard.Testing.AppProcess.WaitUntilAsync(async () =>
                (lines = (await (await fixture.App.AsAsync(BrowserFixture.Admin)).GetStringAsync(href)).Split('\n', StringSplitOptions.RemoveEmptyEntries)).Length > 288,
                TimeSpan.FromSeconds(90), "3 days of battery history");
            Assert.Equal("time_plant_local,time_utc,battery_soc", lines[0]);
            Assert.True(lines.Length > 288, $"only {lines.Length} lines for 3 days of 5-minute samples");
            var soc = lines.Skip(1).Select(l => double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.All(soc, v => Assert.InRange(v, 0, 100));
            // The page has redrawn itself with the whole history by now (it refreshes when the sync stores data).
            await Assertions.Expect(history.Locator(".sd-chart")).ToHaveAttributeAsync("data-point-count", new System.Text.RegularExpressions.Regex(@"^\d{3,}$"), new() { Timeout = 30_000 });
            await BrowserFixture.ShotAsync(page, $"device-battery-{(dark ? "dark" : "light")}-desktop");
            Assert.Empty(errors);
        }
    }
}

/// <summary>Its own app: advancing the simulated clock must not disturb the other tests.</summary>
public sealed class LiveUpdateTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_value_updates_without_a_reload_when_the_sandbox_clock_advances()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/plants");
        await page.Locator(".sd-layout[data-interactive=true]").WaitForAsync();
        var firstRow = page.Locator(".sd-grid tbody tr").First;
        var dataAge = firstRow.Locator("td").Last;
        await Assertions.Expect(dataAge).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.__noReload = true");
        var before = await page.GetByTestId("fleet-totals").InnerTextAsync();

        await fixture.App.AdvanceClockAsync(90);

        // The sync (on the simulated clock) fetches the new interval within a tick; the page refreshes itself.
        await Assertions.Expect(page.GetByTestId("fleet-totals")).Not.ToHaveTextAsync(before, new() { Timeout = 60_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "the page was reloaded");
        Assert.Empty(errors);
    }
}
