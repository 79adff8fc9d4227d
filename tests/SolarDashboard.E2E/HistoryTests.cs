using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>Past periods on the plant page (issue 14, "History that is there"), loaded by the backfill while the app runs.</summary>
public sealed class HistoryTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_month_four_months_back_fills_in_with_its_days_and_ratios()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/plants");
        await page.Locator(".sd-layout[data-interactive=true]").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Berlin Residence 1" }).ClickAsync(new() { Timeout = 90_000 });
        var chart = page.GetByTestId("energy-chart");
        await Assertions.Expect(chart.Locator(".apexcharts-canvas")).ToBeVisibleAsync();
        await chart.GetByText("Month", new() { Exact = true }).ClickAsync();
        var label = page.GetByTestId("period-label");
        var current = await label.InnerTextAsync();
        for (var i = 0; i < 4; i++)
        {
            var before = await label.InnerTextAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Previous period" }).ClickAsync();
            await Assertions.Expect(label).Not.ToHaveTextAsync(before);
        }
        var shown = await label.InnerTextAsync();
        Assert.NotEqual(current, shown);
        // Until the backfill reaches it, the month says how far back history is loaded; then its days appear by themselves.
        await Assertions.Expect(chart.Locator(".sd-chart")).ToHaveAttributeAsync("data-point-count", new Regex(@"^(2[89]|3[01])$"), new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("history-reach")).ToHaveCountAsync(0);
        await Assertions.Expect(label).ToHaveTextAsync(shown);
        var ratios = page.GetByTestId("energy-ratios");
        await Assertions.Expect(ratios).ToContainTextAsync(new Regex(@"Self-consumption\s*\d+(\.\d)?\s*%"));
        await Assertions.Expect(ratios).ToContainTextAsync(new Regex(@"Self-sufficiency\s*\d+(\.\d)?\s*%"));
        await Assertions.Expect(ratios).ToContainTextAsync(new Regex(@"PV yield\s*[\d,.]+\s*kWh"));
        await BrowserFixture.ShotAsync(page, "plant-past-month-light-desktop");

        // Further back than the plant exists, the chart says so instead of "No data".
        var note = page.GetByTestId("history-reach");
        for (var i = 0; i < 36 && !(await note.CountAsync() > 0 && (await note.InnerTextAsync()).Contains("grid connection")); i++)
        {
            var before = await label.InnerTextAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Previous period" }).ClickAsync();
            await Assertions.Expect(label).Not.ToHaveTextAsync(before);
        }
        await Assertions.Expect(note).ToHaveTextAsync(new Regex(@"^Before this plant's grid connection on \d{1,2} [A-Z][a-z]+ \d{4}\.$"));
        await Assertions.Expect(chart.Locator(".sd-chart")).ToHaveAttributeAsync("data-point-count", "0");
        await BrowserFixture.ShotAsync(page, "plant-before-grid-connection-light-desktop");
        Assert.Empty(errors);
    }
}
