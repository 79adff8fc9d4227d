using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>
/// Control fields in Chromium keep what a person types key by key: no key is swallowed ("1e10" once became "110"), no
/// value is clamped to a bound, and what cannot be sent is named with its limit while the review stays closed.
/// </summary>
public sealed class ControlInputTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static async Task TypeAsync(ILocator field, string text)
    {
        await field.FillAsync("");
        await field.PressSequentiallyAsync(text);
        await field.PressAsync("Tab");
    }

    [Fact]
    public async Task Typed_numbers_stay_as_typed_and_those_that_cannot_be_sent_are_named()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using (context)
        {
            await page.GotoAsync("/control?kind=BatteryConfig");
            await BrowserFixture.WaitForCircuitAsync(page);
            var maxCharge = page.GetByTestId("max-charge-kw");

            await TypeAsync(maxCharge, "1e10");
            await Assertions.Expect(maxCharge).ToHaveValueAsync("1e10");
            await Assertions.Expect(page.GetByText("\"1e10\" uses exponent notation: type the number in full.")).ToBeVisibleAsync();

            await TypeAsync(maxCharge, "1,5");
            await Assertions.Expect(maxCharge).ToHaveValueAsync("1,5");
            await Assertions.Expect(page.GetByText("use a point for decimals")).ToBeVisibleAsync();

            await TypeAsync(maxCharge, "2000000");
            await Assertions.Expect(maxCharge).ToHaveValueAsync("2000000");
            await TypeAsync(maxCharge, "3000000");
            await Assertions.Expect(page.GetByTestId("input-problem")).ToHaveTextAsync(
                "The maximum charge power must be from 0 to 2147483.647 kW (the most FusionSolar's Integer watts can carry); 3000000 kW is outside.");

            await page.GetByTestId("task-kind").GetByText("Forced charge or discharge").ClickAsync();
            var minutes = page.GetByTestId("minutes");
            await TypeAsync(minutes, "5000");
            await Assertions.Expect(minutes).ToHaveValueAsync("5000");
            await Assertions.Expect(page.GetByTestId("input-problem")).ToHaveTextAsync("The duration must be from 0 to 1440 minutes; 5000 minutes is outside.");
            await Assertions.Expect(page.GetByTestId("review-button")).ToBeDisabledAsync();
            await BrowserFixture.ShotAsync(page, "control-input-refused-light-desktop");
            BrowserFixture.AssertNoErrors(errors);
        }
    }
}
