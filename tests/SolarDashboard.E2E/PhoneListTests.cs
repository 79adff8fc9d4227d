using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>The lists an owner or admin checks on the go, on a 390 px phone in both themes: no column squeezed to nothing, nothing cut at the right.</summary>
public sealed class PhoneListTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Every cell of the list's first row has a size on screen, and the page is no wider than the phone.</summary>
    private static async Task AssertKeyColumnsVisibleAsync(IPage page, ILocator firstRow, params string[] keyTexts)
    {
        await Assertions.Expect(firstRow).ToBeVisibleAsync(new() { Timeout = 90_000 });
        // Measured in one go in the page: a live refresh may re-render the rows between two separate measurements.
        var cells = await firstRow.EvaluateAsync<Cell[]>(
            "row => [...row.querySelectorAll('td')].map(td => { const r = td.getBoundingClientRect(); return { label: td.dataset.label ?? '', x: r.x, width: r.width, height: r.height }; })");
        Assert.NotEmpty(cells);
        foreach (var cell in cells)
        {
            Assert.True(cell.Width > 0 && cell.Height > 0, $"the {cell.Label} cell has no size: {cell.Width}×{cell.Height}");
            Assert.True(cell.X >= 0 && cell.X + cell.Width <= 391, $"the {cell.Label} cell lies outside the phone's width: x {cell.X}, width {cell.Width}");
        }
        foreach (var text in keyTexts)
        {
            var key = cells.FirstOrDefault(c => c.Label == text);
            Assert.True(key is { Width: > 40, Height: > 0 }, $"the {text} column is missing or squeezed: {key?.Width}×{key?.Height}");
        }
        var overflow = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"the page is {overflow} px wider than the phone");
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").SelectMany(v => v.Nodes.Select(n => $"{v.Id}: {n.Html}")).ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    /// <summary>One cell as measured in the page (Playwright fills it by property name).</summary>
    private sealed class Cell
    {
        public string Label { get; set; } = "";
        public double X { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
    }

    [Fact]
    public async Task Devices_alarms_and_budgets_keep_their_key_columns_on_a_phone()
    {
        foreach (var dark in new[] { false, true })
        {
            var theme = dark ? "dark" : "light";
            var (context, page, errors) = await fixture.OpenAsync(width: 390, height: 844, dark: dark);
            await using var _ = context;

            await page.GotoAsync("/devices");
            await BrowserFixture.WaitForCircuitAsync(page);
            await AssertKeyColumnsVisibleAsync(page, page.GetByTestId("device-grid").Locator("tbody tr.mud-table-row").First, "Device", "Type", "Plant", "Data");
            await BrowserFixture.ShotAsync(page, $"devices-{theme}-phone");

            await page.GotoAsync("/alarms");
            await BrowserFixture.WaitForCircuitAsync(page);
            await AssertKeyColumnsVisibleAsync(page, page.GetByTestId("alarm-grid").Locator("tbody tr.mud-table-row").First, "Severity", "Alarm", "Plant", "Device");
            await BrowserFixture.ShotAsync(page, $"alarms-{theme}-phone");

            await page.GotoAsync("/connections");
            await BrowserFixture.WaitForCircuitAsync(page);
            await AssertKeyColumnsVisibleAsync(page, page.GetByTestId("quota-view").First.Locator("tbody tr.mud-table-row").First, "API", "Used of its budget", "Last 24 h");
            await BrowserFixture.ShotAsync(page, $"connections-{theme}-phone");
            BrowserFixture.AssertNoErrors(errors);
        }
    }
}
