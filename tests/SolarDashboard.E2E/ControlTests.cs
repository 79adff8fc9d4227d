using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SolarDashboard.Testing;

namespace SolarDashboard.E2E;

/// <summary>The simulation starts on a June morning, so PV, battery and export all have something to show.</summary>
public sealed class MorningFixture : BrowserFixture
{
    // The schedulers tick in real time; jumping the simulated clock ahead only helps if they look often.
    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Sandbox:StartTime"] = "2026-06-17T05:00:00Z", ["SolarDashboard:Sync:Tick"] = "00:00:01", ["FusionSolar:Control:Tick"] = "00:00:01",
    };
}

/// <summary>
/// Olga, an operator, sets a TOU schedule and a feed-in limit on Anna's plant in Chromium and watches both reach SUCCESS;
/// the simulated plant then behaves accordingly (the battery charges in its window, export stays under the limit).
/// </summary>
public sealed class ControlTests(MorningFixture fixture) : IClassFixture<MorningFixture>
{
    /// <summary>Sends the reviewed task: the send button asks in a dialog first, because the task changes real equipment.</summary>
    private static async Task SendAsync(IPage page)
    {
        await page.GetByTestId("send").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("cannot be called back");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("sent")).ToBeVisibleAsync(new() { Timeout = 45_000 }); // delivery waits for FusionSolar's answer
    }

    /// <summary>Moves the simulated clock in 3-minute steps until the task page shows every plant done and its effect judged.</summary>
    private async Task FollowAsync(IPage page)
    {
        for (var i = 0; i < 60; i++)
        {
            var finished = await page.Locator("[data-testid=task][data-state=Finished]").CountAsync() == 1;
            if (finished && await page.Locator("[data-testid=task-plant][data-effect=pending]").CountAsync() == 0) return;
            // Once the task succeeded, the effect check needs the plant's next measurements: smaller steps give the sync the
            // real time to fetch them on a busy machine before an hour of simulated time has passed.
            await fixture.App.AdvanceClockAsync(finished ? 1 : 3);
            await page.WaitForTimeoutAsync(2500);
        }
    }

    [Fact]
    public async Task Olga_sets_a_tou_schedule_and_a_feed_in_limit_and_both_succeed_with_visible_effect()
    {
        // Anna connects her account (HTTP, as in the consent tests); once the sync has her plant, the admin's control page
        // lists it, and the admin assigns it to Olga.
        using var anna = await BrowserlessSession.SignInAsync(fixture.App.BaseAddress, "owner-anna");
        await anna.ConnectFusionSolarAsync("owner-anna");
        var adminHttp = await fixture.App.AsAsync(BrowserFixture.Admin);
        var plantId = 0;
        await AppProcess.WaitUntilAsync(async () =>
        {
            var m = Regex.Match(await adminHttp.GetStringAsync("/control"), "data-plant=\"Anna&#x27;s Home\" data-plant-id=\"(\\d+)\"");
            if (m.Success) plantId = int.Parse(m.Groups[1].Value);
            return m.Success;
        }, TimeSpan.FromSeconds(60), "Anna's plant");

        var (olgaContext, olga, olgaErrors) = await fixture.OpenAsync(user: "olga-operator");
        await using (olgaContext)
        {
            var (adminContext, admin, adminErrors) = await fixture.OpenAsync();
            await using (adminContext)
            {
                await admin.GotoAsync("/users");
                await BrowserFixture.WaitForCircuitAsync(admin);
                var olgaRow = admin.Locator("[data-testid=user][data-user=olga-operator]");
                await olgaRow.GetByTestId("plants").ClickAsync();
                await admin.GetByRole(AriaRole.Option, new() { Name = "Anna's Home" }).ClickAsync();
                await BrowserFixture.ShotAsync(admin, "users-assign-plant-light-desktop");
                await admin.Keyboard.PressAsync("Escape");
                await olgaRow.GetByTestId("save-user").ClickAsync();
                await Assertions.Expect(admin.GetByText("Saved Olga Operator.")).ToBeVisibleAsync();
                // Olga also has the demo owner's plant (demo mode assigns it to her): Anna's is added to it.
                await Assertions.Expect(olgaRow.GetByTestId("plants")).ToHaveValueAsync(new Regex("Anna's Home"));
                BrowserFixture.AssertNoErrors(adminErrors);
            }

            // 1. TOU: charge from 00:00 to 12:00 every day (it is about 07:00 at the plant), discharge in the evening.
            await olga.GotoAsync($"/control?plant={plantId}");
            await BrowserFixture.WaitForCircuitAsync(olga);
            await olga.GetByTestId("task-kind").GetByText("Battery working mode").ClickAsync();
            var starts = olga.GetByTestId("tou-start");
            var ends = olga.GetByTestId("tou-end");
            await starts.Nth(0).FillAsync("00:00");
            await ends.Nth(0).FillAsync("12:00");
            await olga.GetByTestId("review-button").ClickAsync();
            await Assertions.Expect(olga.GetByTestId("review")).ToContainTextAsync("\"operationMode\":\"TOU\"");
            await Assertions.Expect(olga.Locator("[data-testid=tou-week] .sd-tou-seg.clash")).ToHaveCountAsync(0);
            await BrowserFixture.ShotAsync(olga, "control-tou-review-light-desktop");
            await SendAsync(olga);
            await olga.GetByTestId("task-link").First.ClickAsync();
            await olga.WaitForURLAsync(new Regex("/control/tasks/\\d+$"));
            await FollowAsync(olga);
            await Assertions.Expect(olga.Locator("[data-testid=task-plant]")).ToHaveAttributeAsync("data-status", "Success");
            await Assertions.Expect(olga.Locator("[data-testid=task-plant]")).ToHaveAttributeAsync("data-effect", "confirmed");
            await BrowserFixture.ShotAsync(olga, "control-task-light-desktop");

            // The battery charges in the window (from the grid and PV): the plant's energy flow says so.
            await olga.GotoAsync($"/plants/{plantId}");
            await Assertions.Expect(olga.Locator("[data-flow=battery]")).ToContainTextAsync("charging", new() { Timeout = 15_000 });

            // 2. Feed-in limited to 1 kW.
            await olga.GotoAsync($"/control?plant={plantId}");
            await BrowserFixture.WaitForCircuitAsync(olga);
            await olga.GetByTestId("task-kind").GetByText("Feed-in limit").ClickAsync();
            await olga.GetByTestId("feed-kw").FillAsync("1");
            await olga.GetByTestId("feed-kw").PressAsync("Tab");
            await olga.GetByTestId("review-button").ClickAsync();
            await Assertions.Expect(olga.GetByTestId("review")).ToContainTextAsync("\"maxGridFeedInPower\":1");
            await SendAsync(olga);
            await olga.GetByTestId("task-link").First.ClickAsync();
            await FollowAsync(olga);
            var plant = olga.Locator("[data-testid=task-plant]");
            await Assertions.Expect(plant).ToHaveAttributeAsync("data-status", "Success");
            await Assertions.Expect(plant).ToHaveAttributeAsync("data-effect", "confirmed");
            await Assertions.Expect(plant).ToContainTextAsync("within the 1 kW limit");

            // 3. Practice 2 of 7.5 as a guided action: manual control first, then the page offers the forced charge.
            await olga.GotoAsync($"/control?plant={plantId}");
            await BrowserFixture.WaitForCircuitAsync(olga);
            await olga.GetByTestId("practice-2").ClickAsync();
            await olga.GetByTestId("review-button").ClickAsync();
            await Assertions.Expect(olga.GetByTestId("review")).ToContainTextAsync("\"startTime\":\"00:05\",\"endTime\":\"00:06\"");
            await SendAsync(olga);
            await olga.GetByTestId("task-link").First.ClickAsync();
            await FollowAsync(olga);
            await olga.GetByTestId("practice-2-next").GetByRole(AriaRole.Link).ClickAsync();
            await olga.WaitForURLAsync(new Regex("/control\\?plant=\\d+&kind=ChargeDischarge$"));
            await BrowserFixture.WaitForCircuitAsync(olga);
            await olga.GetByTestId("review-button").ClickAsync();
            await Assertions.Expect(olga.GetByTestId("review")).ToContainTextAsync("\"dispatchSwitch\":1");
            await BrowserFixture.ShotAsync(olga, "control-practice-2-step-2-light-desktop");

            await olga.GotoAsync("/control/history");
            await Assertions.Expect(olga.GetByTestId("history")).ToContainTextAsync("Feed-in limit");
            await BrowserFixture.ShotAsync(olga, "control-history-light-desktop");
            BrowserFixture.AssertNoErrors(olgaErrors);

            // The same pages on a phone in the dark: the task with its audit trail, and the history as cards.
            var (phoneContext, phone, phoneErrors) = await fixture.OpenAsync(width: 390, height: 844, dark: true, user: "olga-operator");
            await using (phoneContext)
            {
                await phone.GotoAsync("/control/history");
                await Assertions.Expect(phone.GetByTestId("history")).ToContainTextAsync("Battery working mode");
                await BrowserFixture.ShotAsync(phone, "control-history-dark-phone");
                await phone.GetByTestId("history").GetByRole(AriaRole.Link).First.ClickAsync();
                await Assertions.Expect(phone.GetByTestId("events")).ToBeVisibleAsync();
                await BrowserFixture.ShotAsync(phone, "control-task-dark-phone");
                BrowserFixture.AssertNoErrors(phoneErrors);
            }
        }
    }

    [Fact]
    public async Task On_a_phone_in_the_dark_the_tou_editor_marks_overlapping_windows_and_fits_the_screen()
    {
        var (context, page, errors) = await fixture.OpenAsync(width: 390, height: 844, dark: true);
        await using (context)
        {
            await page.GotoAsync("/control");
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.GetByTestId("task-kind").GetByText("Battery working mode").ClickAsync();
            await Assertions.Expect(page.GetByTestId("tou-window")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator(".sd-tou-seg.clash")).ToHaveCountAsync(0);

            await page.GetByTestId("tou-start").Nth(1).FillAsync("03:00");
            await page.GetByTestId("tou-start").Nth(1).PressAsync("Tab");

            await Assertions.Expect(page.GetByTestId("tou-problem")).ToHaveTextAsync("Windows 1 and 2 overlap on Mon, Tue, Wed, Thu, Fri, Sat, Sun.");
            await Assertions.Expect(page.Locator(".sd-tou-seg.clash")).ToHaveCountAsync(14);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"/control is {overflow} px wider than the phone");
            await BrowserFixture.ShotAsync(page, "control-tou-overlap-dark-phone");
            BrowserFixture.AssertNoErrors(errors);
        }
    }
}
