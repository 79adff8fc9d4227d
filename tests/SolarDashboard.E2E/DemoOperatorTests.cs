using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SolarDashboard.E2E;

/// <summary>
/// Demo mode hands the operator a plant whose owner already allowed control: Olga signs in and sends a task at once, with no
/// admin and no owner in between, and follows it to a confirmed result; the task page says in words and plant time what happened.
/// </summary>
public sealed class DemoOperatorTests(MorningFixture fixture) : IClassFixture<MorningFixture>
{
    private const string DemoPlant = "Clara's Home";

    [Fact]
    public async Task The_demo_operator_controls_the_seeded_plant_right_after_signing_in()
    {
        var (context, page, errors) = await fixture.OpenAsync(user: "olga-operator");
        await using var _ = context;
        await page.GotoAsync("/control");
        await BrowserFixture.WaitForCircuitAsync(page);
        // The seeded consent's plant, ready for a task (not greyed out with a reason), once the sync has found it.
        var pick = page.Locator($"[data-testid=plant-pick][data-plant=\"{DemoPlant}\"]");
        await Assertions.Expect(pick).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(pick).Not.ToHaveClassAsync(new Regex(@"\boff\b"));
        var plantId = await pick.GetAttributeAsync("data-plant-id");

        // The TOU editor says where its windows come from and in which zone they are.
        await page.GotoAsync($"/control?plant={plantId}&kind=BatteryMode");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("schedule-source")).ToContainTextAsync("Starting from an example");
        await Assertions.Expect(page.GetByText(new Regex(@"Times are in plant time, (\w+/\w+|UTC[+-]\d\d:\d\d)\."))).ToBeVisibleAsync();
        await page.GetByTestId("tou-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tou-window")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("tou-problem")).ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(page, "control-demo-operator-tou-light-desktop");

        // A feed-in limit sized to the plant: the hint gives the plant's own range, not -1000 to 5000 kW.
        await page.GetByTestId("task-kind").GetByText("Feed-in limit").ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex(@"Allowed for the selected plants: -\d+(\.\d+)? to \d+(\.\d+)? kW \(the plant's rated power\)\."))).ToBeVisibleAsync();
        await page.GetByTestId("feed-kw").FillAsync("1");
        await page.GetByTestId("feed-kw").PressAsync("Tab");
        await page.GetByTestId("review-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("review")).ToContainTextAsync("\"maxGridFeedInPower\":1");
        await page.GetByTestId("send").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("sent")).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await page.GetByTestId("task-link").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/control/tasks/\\d+$"));

        for (var i = 0; i < 60; i++)
        {
            var finished = await page.Locator("[data-testid=task][data-state=Finished]").CountAsync() == 1;
            if (finished && await page.Locator("[data-testid=task-plant][data-effect=pending]").CountAsync() == 0) break;
            await fixture.App.AdvanceClockAsync(finished ? 1 : 3);
            await page.WaitForTimeoutAsync(2500);
        }
        var plant = page.GetByTestId("task-plant");
        await Assertions.Expect(plant).ToHaveAttributeAsync("data-status", "Success");
        await Assertions.Expect(plant).ToHaveAttributeAsync("data-effect", "confirmed");
        await Assertions.Expect(plant.GetByTestId("sent-settings")).ToHaveTextAsync("Settings sent: Feed-in to the grid limited to 1.0 kW in total.");
        await Assertions.Expect(page.GetByTestId("events").Locator(".sd-event-when").First).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \((\w+/\w+, )?UTC[+-]\d\d:\d\d\)$"));
        await BrowserFixture.ShotAsync(page, "control-demo-operator-task-light-desktop");
        BrowserFixture.AssertNoErrors(errors);

        // The changed pages in both themes and on a phone: screenshots to look at, and no serious or critical axe violation.
        var taskUrl = page.Url;
        var violations = new List<string>();
        foreach (var (dark, width, name) in new[] { (false, 1280, "light-desktop"), (true, 1280, "dark-desktop"), (false, 390, "light-phone"), (true, 390, "dark-phone") })
        {
            var (c, p, e) = await fixture.OpenAsync(width: width, height: width < 500 ? 844 : 900, dark: dark, user: "olga-operator");
            await using var __ = c;
            async Task CheckAsync(string shot)
            {
                await BrowserFixture.WaitForCircuitAsync(p);
                await p.WaitForFunctionAsync("() => document.getAnimations().every(a => !(a instanceof CSSTransition))");
                violations.AddRange((await p.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical")
                    .SelectMany(v => v.Nodes.Select(n => $"{shot}: {v.Id} [{v.Impact}] {v.Help}: {n.Html}")));
                if (!name.EndsWith("light-desktop", StringComparison.Ordinal) || !shot.Contains("task")) await BrowserFixture.ShotAsync(p, shot);
            }
            await p.GotoAsync(taskUrl);
            await Assertions.Expect(p.GetByTestId("sent-settings")).ToBeVisibleAsync();
            await CheckAsync($"control-demo-operator-task-{name}");
            await p.GotoAsync($"/control?plant={plantId}&kind=BatteryMode");
            await Assertions.Expect(p.GetByTestId("schedule-source")).ToBeVisibleAsync();
            await CheckAsync($"control-demo-operator-tou-{name}");
            await p.GotoAsync("/control/history");
            await Assertions.Expect(p.GetByTestId("history")).ToContainTextAsync("Feed-in limit");
            await CheckAsync($"control-history-{name}");
            BrowserFixture.AssertNoErrors(e);
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
