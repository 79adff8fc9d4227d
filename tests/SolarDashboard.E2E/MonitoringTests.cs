using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>The monitoring pages in a real browser, against the demo fleet synced from the sandbox.</summary>
public sealed class MonitoringTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_plant_list_leads_to_a_plant_whose_energy_chart_changes_period()
    {
        foreach (var dark in new[] { false, true })
        {
            var (context, page, errors) = await fixture.OpenAsync(dark: dark);
            await using var _ = context;
            await page.GotoAsync("/plants");
            await page.Locator(".sd-layout[data-interactive=true]").WaitForAsync();
            // 12 installer plants, the demo owner's plant and 3 ATESS sites, once the syncs have found them (the page updates itself).
            await Assertions.Expect(page.GetByTestId("fleet-totals")).ToContainTextAsync("16", new() { Timeout = 90_000 });
            await BrowserFixture.ShotAsync(page, $"plants-list-{(dark ? "dark" : "light")}-desktop");

            await page.GetByRole(AriaRole.Link, new() { Name = "Berlin Residence 1" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Berlin Residence 1", Level = 1 })).ToBeVisibleAsync();
            var chart = page.GetByTestId("energy-chart");
            await Assertions.Expect(chart.Locator(".apexcharts-canvas")).ToBeVisibleAsync();
            var dayLabel = await page.GetByTestId("period-label").InnerTextAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Previous period" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("period-label")).Not.ToHaveTextAsync(dayLabel);
            await chart.GetByText("Month", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("period-label")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[A-Z][a-z]+ \d{4}$"));
            await Assertions.Expect(chart.Locator(".sd-chart")).Not.ToHaveAttributeAsync("data-point-count", "0");
            // Today's curve fills in when the first history pass lands (the page refreshes itself).
            await Assertions.Expect(page.Locator("[aria-label='Power today in kW']")).ToHaveAttributeAsync("data-point-count", new System.Text.RegularExpressions.Regex(@"^\d{2,}$"), new() { Timeout = 90_000 });
            await BrowserFixture.ShotAsync(page, $"plant-{(dark ? "dark" : "light")}-desktop");
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task The_plant_page_reads_well_on_a_phone()
    {
        var (context, page, errors) = await fixture.OpenAsync(width: 390, height: 844);
        await using var _ = context;
        await page.GotoAsync("/plants");
        await page.Locator(".sd-layout[data-interactive=true]").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Berlin Residence 1" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("energy-chart").Locator(".apexcharts-canvas")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("energy-ratios")).ToContainTextAsync("Self-consumption");
        // The screenshot shows today's curve once the first history pass has landed (the page refreshes itself).
        await Assertions.Expect(page.Locator("[aria-label='Power today in kW']")).ToHaveAttributeAsync("data-point-count", new System.Text.RegularExpressions.Regex(@"^\d{2,}$"), new() { Timeout = 90_000 });
        await BrowserFixture.ShotAsync(page, "plant-light-phone");
        await page.GotoAsync("/plants");
        await Assertions.Expect(page.GetByTestId("fleet-totals")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "plants-list-light-phone");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Alarms_can_be_filtered_by_severity_and_the_count_shows_in_the_navigation()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/alarms");
        await page.Locator(".sd-layout[data-interactive=true]").WaitForAsync();
        var grid = page.GetByTestId("alarm-grid");
        var rows = grid.Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var total = int.Parse(await page.GetByTestId("nav-alarm-count").InnerTextAsync());
        Assert.True(total > 0);
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = $"Active ({total})", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "alarms-list-light-desktop");

        // Which alarms are active depends on the simulated time: filter by the severity of the first one listed.
        var severity = await grid.Locator("tbody [data-severity]").First.GetAttributeAsync("data-severity");
        await page.GetByTestId("severity-filter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = severity, Exact = true }).ClickAsync();
        await Assertions.Expect(grid.Locator($"tbody [data-severity]:not([data-severity='{severity}'])")).ToHaveCountAsync(0);
        await Assertions.Expect(grid.Locator($"tbody [data-severity='{severity}']").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^History \(\d+\)$") }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("alarm-grid").GetByText("Cleared (plant time)")).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_connections_page_shows_each_api_s_budget_and_use()
    {
        var (context, page, errors) = await fixture.OpenAsync(dark: true);
        await using var _ = context;
        await page.GotoAsync("/connections");
        // One budget view per connection (the demo has a FusionSolar installer and an ATESS account): the FusionSolar one.
        var view = page.GetByTestId("quota-view").Filter(new() { HasText = "getStationRealKpi" });
        await Assertions.Expect(view).ToHaveCountAsync(1);
        await Assertions.Expect(view).ToContainTextAsync("1 per 5 min");
        await Assertions.Expect(view).ToContainTextAsync("34 per day");
        await BrowserFixture.ShotAsync(page, "connections-quota-dark-desktop");
        Assert.Empty(errors);
    }
}
