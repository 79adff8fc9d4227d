using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>
/// The demo app with the REDEX export looking often (the schedulers tick in real time; the clock is jumped ahead). The demo
/// REDEX account is there, but no inverter is registered: the admin does that through the form.
/// </summary>
public sealed class RegistryFixture : BrowserFixture
{
    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["SolarDashboard:Sync:Tick"] = "00:00:01", ["Redex:Export:Tick"] = "00:00:02", ["SolarDashboard:Demo:RegisterRedexInverters"] = "false",
    };
}

/// <summary>
/// Adam, an admin, opens /registry in demo mode and registers a FusionSolar inverter and an ATESS inverter that the sandbox
/// registry knows, through the form; after the simulated clock moves on, their days reach Success at the registry.
/// </summary>
public sealed class RegistryTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private sealed record SandboxInverter(string RemoteInvId, string SerialNumber);

    /// <summary>Chooses the device whose label carries the inverter's serial (once the sync has found it), types the RemoteInvId and the first day, and registers.</summary>
    private static async Task RegisterAsync(IPage page, SandboxInverter inverter, DateOnly start)
    {
        var option = page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(Regex.Escape($"({inverter.SerialNumber})")) });
        for (var i = 0; i < 30 && await option.CountAsync() == 0; i++)
        {
            if (i > 0)
            {
                await page.Keyboard.PressAsync("Escape");
                await Task.Delay(2000);
                await page.ReloadAsync();
                await BrowserFixture.WaitForCircuitAsync(page);
            }
            await page.GetByTestId("reg-device").ClickAsync();
            await Task.Delay(500);
        }
        await option.ClickAsync();
        await Input(page, "reg-remote-id").FillAsync(inverter.RemoteInvId);
        var date = Input(page, "reg-start");
        await date.FillAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await date.PressAsync("Tab"); // the typed date is taken when the field loses focus
        await Assertions.Expect(page.GetByTestId("reg-register-check")).ToHaveTextAsync("Ready to register.");
        await page.GetByTestId("reg-register-save").ClickAsync();
        await Assertions.Expect(page.GetByText($"{inverter.RemoteInvId} registered from {start:yyyy-MM-dd}.")).ToBeVisibleAsync();
    }

    /// <summary>A MudBlazor field's input, whether the test id lands on the input or on its wrapper.</summary>
    private static ILocator Input(IPage page, string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task An_admin_registers_a_fusionsolar_and_an_atess_inverter_and_sees_both_reach_success()
    {
        var known = await fixture.App.Client.GetFromJsonAsync<List<SandboxInverter>>("sandbox/admin/redex/inverters");
        var fusionSolarInverter = known!.Single(i => i.RemoteInvId == "STR10000000340001"); // Berlin Residence 1's inverter
        var atessInverter = known!.Single(i => i.RemoteInvId == "STR10000000350001"); // Nairobi Cold Store's HPS150HV
        var clock = await fixture.App.Client.GetFromJsonAsync<JsonElement>("sandbox/admin/clock");
        // Two days before the simulated day: the demo's history holds them, with the inverters' lifetime counters.
        var start = DateOnly.FromDateTime(clock.GetProperty("utcNow").GetDateTimeOffset().UtcDateTime).AddDays(-2);

        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/registry");
        await BrowserFixture.WaitForCircuitAsync(page);
        var inverters = page.GetByTestId("reg-inverters");
        await Assertions.Expect(page.GetByText("No inverter is registered")).ToBeVisibleAsync(); // the demo seeder left it to the admin
        await RegisterAsync(page, fusionSolarInverter, start);
        await RegisterAsync(page, atessInverter, start);

        var atess = inverters.Locator("tbody tr", new() { HasText = atessInverter.RemoteInvId });
        var fusionSolar = inverters.Locator("tbody tr", new() { HasText = fusionSolarInverter.RemoteInvId });
        await Assertions.Expect(atess).ToContainTextAsync("ATESS");
        await Assertions.Expect(fusionSolar).ToContainTextAsync("FusionSolar");
        var succeeded = new Regex(@"\b[1-9]\d* of \d+ days succeeded");
        for (var i = 0; i < 40; i++)
        {
            if (succeeded.IsMatch(await atess.InnerTextAsync()) && succeeded.IsMatch(await fusionSolar.InnerTextAsync())) break;
            await fixture.App.AdvanceClockAsync(3);
            await Task.Delay(3000);
            await page.ReloadAsync();
            await BrowserFixture.WaitForCircuitAsync(page);
        }
        await Assertions.Expect(atess).ToContainTextAsync(succeeded);
        await Assertions.Expect(fusionSolar).ToContainTextAsync(succeeded);
        await Assertions.Expect(page.Locator(".sd-reg-success").First).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "registry-light-desktop");
        BrowserFixture.AssertNoErrors(errors);

        foreach (var (width, height, dark, name) in new[] { (1280, 900, true, "registry-dark-desktop"), (390, 844, false, "registry-light-phone"), (390, 844, true, "registry-dark-phone") })
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
