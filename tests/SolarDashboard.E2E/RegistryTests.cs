using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>The demo app with the REDEX export looking often (the schedulers tick in real time; the clock is jumped ahead).</summary>
public sealed class RegistryFixture : BrowserFixture
{
    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["SolarDashboard:Sync:Tick"] = "00:00:01", ["Redex:Export:Tick"] = "00:00:02",
    };
}

/// <summary>
/// Adam, an admin, opens /registry in demo mode: the demo REDEX account and the sandbox's registered inverters of both
/// vendors are there, and after the simulated clock moves on their days reach Success at the registry.
/// </summary>
public sealed class RegistryTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private async Task AdvanceAsync(int minutes)
    {
        using var response = await fixture.App.Client.PostAsync($"sandbox/admin/clock/advance?minutes={minutes}", null);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_admin_sees_fusionsolar_and_atess_inverters_reach_success_on_the_registry_page()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/registry");
        var inverters = page.GetByTestId("reg-inverters");
        var atess = inverters.Locator("tbody tr", new() { HasText = "ATESS" });
        var fusionSolar = inverters.Locator("tbody tr", new() { HasText = "FusionSolar" });
        var succeeded = new Regex(@"\b[1-9]\d* of \d+ days succeeded");
        // The demo seeder registers each sandbox inverter once the sync has found its device and a first day of data; the
        // export then sends every closed day and follows it to Success.
        for (var i = 0; i < 40; i++)
        {
            if (await atess.CountAsync() > 0 && await fusionSolar.CountAsync() > 0
                && succeeded.IsMatch(await atess.First.InnerTextAsync()) && succeeded.IsMatch(await fusionSolar.First.InnerTextAsync()))
                break;
            await AdvanceAsync(3);
            await Task.Delay(3000);
            await page.ReloadAsync();
            await BrowserFixture.WaitForCircuitAsync(page);
        }
        await Assertions.Expect(atess.First).ToContainTextAsync(succeeded);
        await Assertions.Expect(fusionSolar.First).ToContainTextAsync(succeeded);
        await Assertions.Expect(page.Locator(".sd-reg-success").First).ToBeVisibleAsync();
        await Assertions.Expect(inverters).ToContainTextAsync("days succeeded");
        await BrowserFixture.ShotAsync(page, "registry-light-desktop");
        BrowserFixture.AssertNoErrors(errors);

        foreach (var (width, height, dark, name) in new[] { (1280, 900, true, "registry-dark-desktop"), (390, 844, false, "registry-light-phone") })
        {
            var (other, otherPage, _) = await fixture.OpenAsync(width, height, dark);
            await using var __ = other;
            await otherPage.GotoAsync("/registry");
            await BrowserFixture.WaitForCircuitAsync(otherPage);
            await Assertions.Expect(otherPage.Locator(".sd-reg-success").First).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(otherPage, name);
        }
    }
}
