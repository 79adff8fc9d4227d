using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>The lists an owner or admin checks on the go, on a 390 px phone in both themes: no column squeezed to nothing, nothing cut at the right.</summary>
public sealed class PhoneListTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Every cell of the list's first row has a size on screen, and the page is no wider than the phone.</summary>
    private static async Task AssertKeyColumnsVisibleAsync(IPage page, ILocator firstRow, params string[] keyTexts)
    {
        await Assertions.Expect(firstRow).ToBeVisibleAsync(new() { Timeout = 90_000 });
        var cells = firstRow.Locator("td");
        Assert.True(await cells.CountAsync() > 0, "the row has no cells");
        for (var i = 0; i < await cells.CountAsync(); i++)
        {
            var box = await cells.Nth(i).BoundingBoxAsync();
            var label = await cells.Nth(i).GetAttributeAsync("data-label");
            Assert.True(box is { Width: > 0, Height: > 0 }, $"cell {i} ({label}) has no size: {box?.Width}×{box?.Height}");
            Assert.True(box!.X >= 0 && box.X + box.Width <= 391, $"cell {i} ({label}) lies outside the phone's width: x {box.X}, width {box.Width}");
        }
        foreach (var text in keyTexts)
        {
            var key = firstRow.Locator($"td[data-label='{text}']");
            await Assertions.Expect(key).ToBeVisibleAsync();
            var box = await key.BoundingBoxAsync();
            Assert.True(box is { Width: > 40, Height: > 0 }, $"the {text} column is squeezed: {box?.Width}×{box?.Height}");
        }
        var overflow = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"the page is {overflow} px wider than the phone");
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
