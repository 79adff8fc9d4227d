using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SolarDashboard.Testing;

namespace SolarDashboard.E2E;

/// <summary>
/// An admin changes a setting of the demo ATESS HPS150HV in Chromium: reads it, reviews the exact PUT body, confirms, and
/// watches the read-back confirm it; then looks at the battery's racks. Screenshots of both views, light and dark,
/// desktop and phone.
/// </summary>
public sealed class AtessSettingsTests(MorningFixture fixture) : IClassFixture<MorningFixture>
{
    /// <summary>The id of the demo ATESS device named <paramref name="name"/>, found with the devices page's search once the sync has it.</summary>
    private static async Task<int> DeviceIdAsync(IPage page, string name)
    {
        var link = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        for (var i = 0; i < 30; i++)
        {
            await page.GotoAsync("/devices");
            await BrowserFixture.WaitForCircuitAsync(page);
            var search = page.GetByLabel("Search devices");
            if (await search.CountAsync() > 0)
            {
                await search.FillAsync(name);
                try
                {
                    await link.First.WaitForAsync(new() { Timeout = 3000 });
                    return int.Parse(Regex.Match((await link.First.GetAttributeAsync("href"))!, "devices/(\\d+)").Groups[1].Value);
                }
                catch (TimeoutException)
                {
                }
            }
            await page.WaitForTimeoutAsync(2000);
        }
        throw new TimeoutException($"Timed out waiting for {name}");
    }

    [Fact]
    public async Task An_admin_changes_an_atess_setting_and_sees_it_confirmed_by_read_back()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        int hps, mbms;
        await using (context)
        {
            hps = await DeviceIdAsync(page, "HPS150HV");
            mbms = await DeviceIdAsync(page, "MBMS");
            await page.GotoAsync($"/devices/{hps}");
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.GetByTestId("device-settings-link").ClickAsync();
            await page.WaitForURLAsync(new Regex($"/devices/{hps}/settings$"));
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.GetByTestId("setting-now-chargeCutoffSoc")).ToHaveTextAsync("100 %");

            // Out of range: named at once, nothing to review.
            var cutoff = page.GetByTestId("setting-chargeCutoffSoc");
            await cutoff.FillAsync("40");
            await Assertions.Expect(page.GetByTestId("setting-row-chargeCutoffSoc")).ToContainTextAsync("40 % is outside");
            await Assertions.Expect(page.GetByTestId("settings-review-button")).ToBeDisabledAsync();

            await cutoff.FillAsync("90");
            await page.GetByTestId("settings-review-button").ClickAsync();
            var body = await page.GetByTestId("put-body").TextContentAsync();
            Assert.Matches("^\\{\"deviceSn\":\"[A-Z0-9]+\",\"chargeCutoffSoc\":90\\}$", body);
            await BrowserFixture.ShotAsync(page, "atess-settings-review-light-desktop");
            await page.GetByTestId("settings-confirm").ClickAsync();
            await page.WaitForURLAsync(new Regex("/control/tasks/\\d+$"));

            for (var i = 0; i < 20 && await page.Locator("[data-testid=task-plant][data-effect=confirmed]").CountAsync() == 0; i++)
            {
                await fixture.App.AdvanceClockAsync(2);
                await page.WaitForTimeoutAsync(2500);
            }
            var plant = page.Locator("[data-testid=task-plant]");
            await Assertions.Expect(plant).ToHaveAttributeAsync("data-status", "Success");
            await Assertions.Expect(plant).ToHaveAttributeAsync("data-effect", "confirmed");
            await Assertions.Expect(plant).ToContainTextAsync("chargeCutoffSoc = 90");
            await BrowserFixture.ShotAsync(page, "atess-settings-task-light-desktop");

            await page.GotoAsync($"/devices/{mbms}");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.GetByTestId("bms-rack")).ToHaveCountAsync(5); // the MBMS and its four racks
            await Assertions.Expect(page.GetByTestId("bms-racks")).ToContainTextAsync("rack 1");
            await BrowserFixture.ShotAsync(page, "atess-bms-racks-light-desktop");
            BrowserFixture.AssertNoErrors(errors);
        }

        foreach (var (dark, width, height, name) in new[] { (true, 1280, 900, "dark-desktop"), (false, 390, 844, "light-phone"), (true, 390, 844, "dark-phone") })
        {
            var (c, p, e) = await fixture.OpenAsync(width, height, dark);
            await using (c)
            {
                await p.GotoAsync($"/devices/{hps}/settings");
                await BrowserFixture.WaitForCircuitAsync(p);
                await p.GetByTestId("device-settings").WaitForAsync();
                await BrowserFixture.ShotAsync(p, $"atess-settings-{name}");
                await p.GotoAsync($"/devices/{mbms}");
                await BrowserFixture.WaitForCircuitAsync(p);
                await p.GetByTestId("bms-racks").WaitForAsync();
                await BrowserFixture.ShotAsync(p, $"atess-bms-racks-{name}");
                BrowserFixture.AssertNoErrors(e);
            }
        }
    }
}
