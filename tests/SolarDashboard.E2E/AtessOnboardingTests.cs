using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>
/// Adam, an admin, adds a second ATESS account (the sandbox's <c>other-atess</c>, which owns nothing) through the form,
/// onboards a site with the sandbox's spare HPS100HV datalog and sees its BCU racks appear; the HPS site is then in
/// /plants with its energy flow and racks. Olga, an operator given that site, changes a setting and sees it confirmed by
/// read-back. The onboarding page is photographed light and dark, desktop and phone.
/// </summary>
public sealed class AtessOnboardingTests(MorningFixture fixture) : IClassFixture<MorningFixture>
{
    /// <summary>The serial of the sandbox's spare central-HPS datalog (in stock, added to no plant).</summary>
    private async Task<string> SpareDataLogAsync()
    {
        var fleet = JsonNode.Parse(await fixture.App.Client.GetStringAsync("sandbox/admin/atess/fleet"))!;
        return fleet["spareDataLogs"]!.AsArray().Single(l => l!["kit"]!.GetValue<string>() == "ci-hps100hv")!["dataLogSn"]!.GetValue<string>();
    }

    [Fact]
    public async Task An_admin_onboards_an_atess_hps_site_and_an_operator_changes_its_setting_confirmed_by_read_back()
    {
        var serial = await SpareDataLogAsync();
        // Olga signs in once first: /users lists those who have.
        await (await fixture.OpenAsync(user: "olga-operator")).Context.DisposeAsync();
        string sitesUrl;
        int plantId, hps, mbms;
        var (context, page, errors) = await fixture.OpenAsync();
        await using (context)
        {
            // 1. The account, through the form.
            await page.GotoAsync("/connections");
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.GetByTestId("add-atess-account").ClickAsync();
            await page.GetByTestId("aa-user").FillAsync("other-atess");
            await page.GetByTestId("aa-code").FillAsync("other-atess-key");
            await page.GetByTestId("aa-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("aa-result")).ToContainTextAsync("Signed in at ATESS and saved: 0 plants");
            var card = page.Locator("[data-testid=connection]", new() { HasText = "other-atess" });
            await card.GetByTestId("manage-sites").ClickAsync();
            await page.WaitForURLAsync(new Regex("/connections/\\d+/sites$"));
            sitesUrl = new Uri(page.Url).AbsolutePath;
            await BrowserFixture.WaitForCircuitAsync(page);

            // 2. The site: a wrong field is named before anything is sent.
            await page.GetByTestId("site-name").FillAsync("Mombasa Hotel");
            await page.GetByTestId("site-capacity").FillAsync("none");
            await page.GetByTestId("add-site").ClickAsync();
            await Assertions.Expect(page.GetByTestId("new-site-form")).ToContainTextAsync("Enter the PV peak power in kWp");
            await page.GetByTestId("site-capacity").FillAsync("120");
            var zone = page.GetByTestId("site-zone");
            await zone.FillAsync("Africa/Nairobi");
            await zone.PressAsync("Tab");
            await page.GetByLabel("City").FillAsync("Mombasa");
            await page.GetByTestId("add-site").ClickAsync();
            await Assertions.Expect(page.GetByTestId("onboarding-result")).ToContainTextAsync("Added \"Mombasa Hotel\" at ATESS");
            var site = page.Locator("[data-testid=site][data-site='Mombasa Hotel']");
            await Assertions.Expect(site).ToContainTextAsync("120 kWp · Africa/Nairobi");

            // 3. The datalog: an unknown serial gets ATESS's own words; the spare one brings its racks.
            var serialField = site.GetByTestId("logger-serial");
            await serialField.FillAsync("UDL0Z99999");
            await site.GetByTestId("add-logger").ClickAsync();
            await Assertions.Expect(page.GetByTestId("onboarding-result")).ToContainTextAsync("ATESS does not know it (not found: dataLogSn UDL0Z99999)");
            await serialField.FillAsync(serial.ToLowerInvariant());
            await site.GetByTestId("add-logger").ClickAsync();
            await Assertions.Expect(page.GetByTestId("onboarding-result")).ToContainTextAsync($"Added datalog {serial} with 4 devices to \"Mombasa Hotel\"");
            await Assertions.Expect(site.GetByTestId("rack")).ToHaveCountAsync(2, new() { Timeout = 60_000 });
            await Assertions.Expect(site.GetByTestId("racks")).ToContainTextAsync("BCU 1");
            await BrowserFixture.ShotAsync(page, "atess-onboarding-light-desktop");

            // The confirmation names what a delete loses; kept this time.
            await site.GetByTestId("delete-site").ClickAsync();
            await Assertions.Expect(page.GetByTestId("confirm-dialog")).ToContainTextAsync($"Its datalog {serial} is removed with it. Its 4 devices (");
            await BrowserFixture.ShotAsync(page, "atess-onboarding-confirm-light-desktop");
            await page.GetByTestId("confirm-cancel").ClickAsync();
            await Assertions.Expect(site).ToBeVisibleAsync();

            plantId = int.Parse(Regex.Match((await site.GetByRole(AriaRole.Link, new() { Name = "Mombasa Hotel" }).GetAttributeAsync("href"))!, "plants/(\\d+)").Groups[1].Value);
            hps = int.Parse(Regex.Match((await site.GetByRole(AriaRole.Link, new() { Name = "HPS100HV" }).GetAttributeAsync("href"))!, "devices/(\\d+)").Groups[1].Value);
            mbms = int.Parse(Regex.Match((await site.GetByRole(AriaRole.Link, new() { Name = "MBMS" }).GetAttributeAsync("href"))!, "devices/(\\d+)").Groups[1].Value);

            // 4. The site in /plants, with its energy flow once the datalog's first upload is in, and its racks.
            await page.GotoAsync("/plants");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mombasa Hotel" }).First).ToBeVisibleAsync();
            await page.GotoAsync($"/plants/{plantId}");
            var pv = page.Locator("[data-flow=pv] .sd-flow-kw");
            for (var i = 0; i < 20 && !Regex.IsMatch(await pv.TextContentAsync() ?? "", "\\d (k|M)?W"); i++)
            {
                await fixture.App.AdvanceClockAsync(2);
                await page.WaitForTimeoutAsync(2500);
            }
            await Assertions.Expect(pv).ToHaveTextAsync(new Regex("\\d (k|M)?W"));
            await Assertions.Expect(page.Locator("[data-flow=battery] .sd-flow-kw")).ToHaveTextAsync(new Regex("\\d (k|M)?W"));
            await page.GotoAsync($"/devices/{mbms}");
            await Assertions.Expect(page.GetByTestId("bms-rack")).ToHaveCountAsync(3, new() { Timeout = 30_000 }); // the MBMS and its two racks

            // 5. Olga may operate the new site.
            await page.GotoAsync("/users");
            await BrowserFixture.WaitForCircuitAsync(page);
            var olgaRow = page.Locator("[data-testid=user][data-user=olga-operator]");
            await olgaRow.GetByTestId("plants").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Mombasa Hotel" }).ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await olgaRow.GetByTestId("save-user").ClickAsync();
            await Assertions.Expect(page.GetByText("Saved Olga Operator.")).ToBeVisibleAsync();
            BrowserFixture.AssertNoErrors(errors);
        }

        // 6. Olga changes the HPS's charge cut-off and sees the read-back confirm it.
        var (olgaContext, olga, olgaErrors) = await fixture.OpenAsync(user: "olga-operator");
        await using (olgaContext)
        {
            await olga.GotoAsync($"/devices/{hps}");
            await BrowserFixture.WaitForCircuitAsync(olga);
            await olga.GetByTestId("device-settings-link").ClickAsync();
            await olga.WaitForURLAsync(new Regex($"/devices/{hps}/settings$"));
            await BrowserFixture.WaitForCircuitAsync(olga);
            await Assertions.Expect(olga.GetByTestId("setting-now-chargeCutoffSoc")).ToHaveTextAsync("100 %");
            await olga.GetByTestId("setting-chargeCutoffSoc").FillAsync("90");
            await olga.GetByTestId("settings-review-button").ClickAsync();
            Assert.Equal($"{{\"deviceSn\":\"{await DeviceSerialAsync(olga)}\",\"chargeCutoffSoc\":90}}", await olga.GetByTestId("put-body").TextContentAsync());
            await olga.GetByTestId("settings-confirm").ClickAsync();
            await olga.WaitForURLAsync(new Regex("/control/tasks/\\d+$"));
            for (var i = 0; i < 20 && await olga.Locator("[data-testid=task-plant][data-effect=confirmed]").CountAsync() == 0; i++)
            {
                await fixture.App.AdvanceClockAsync(2);
                await olga.WaitForTimeoutAsync(2500);
            }
            var task = olga.Locator("[data-testid=task-plant]");
            await Assertions.Expect(task).ToHaveAttributeAsync("data-status", "Success");
            await Assertions.Expect(task).ToHaveAttributeAsync("data-effect", "confirmed");
            await Assertions.Expect(task).ToContainTextAsync("chargeCutoffSoc = 90");
            BrowserFixture.AssertNoErrors(olgaErrors);
        }

        foreach (var (dark, width, height, name) in new[] { (true, 1280, 900, "dark-desktop"), (false, 390, 844, "light-phone"), (true, 390, 844, "dark-phone") })
        {
            var (c, p, e) = await fixture.OpenAsync(width, height, dark);
            await using (c)
            {
                await p.GotoAsync(sitesUrl);
                await BrowserFixture.WaitForCircuitAsync(p);
                await p.GetByTestId("rack").First.WaitForAsync();
                await BrowserFixture.ShotAsync(p, $"atess-onboarding-{name}");
                BrowserFixture.AssertNoErrors(e);
            }
        }
    }

    /// <summary>The serial the settings page names in its heading line (the device link).</summary>
    private static async Task<string> DeviceSerialAsync(IPage page) =>
        Regex.Match(await page.Locator(".sd-page-head").TextContentAsync() ?? "", "U[A-Z]{2}0[A-Z]\\d{5}").Value;
}
