using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;

namespace SolarDashboard.E2E;

/// <summary>E-mail notifications end to end: chosen on the settings page, sent by the running app to a real SMTP server.</summary>
public sealed partial class NotificationTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    private const string Address = "adam@example.test";

    [Fact]
    public async Task A_user_who_gives_an_address_receives_an_alarm_email_whose_link_opens_the_alarm()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/settings/notifications");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("mail-off")).ToHaveCountAsync(0);
        // On by default for major and critical alarms and connection problems, immediately; the demo sign-in gives no e-mail.
        await Assertions.Expect(page.GetByLabel("New major and critical alarms")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("notify-summary")).ToHaveTextAsync("No e-mail is sent: there is no address.");
        await page.GetByLabel("E-mail address").FillAsync(Address);
        await Assertions.Expect(page.GetByTestId("notify-summary")).ToHaveTextAsync($"An e-mail as things happen to {Address}.");
        await page.GetByTestId("notify-save").ClickAsync();
        await Assertions.Expect(page.GetByText("Notification settings saved.")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "notifications-light-desktop");

        var mail = await NextAlarmMailAsync();
        Assert.Matches(@"^(Critical|Major) alarm at .+: .+$", mail.Subject ?? "");
        var text = mail.TextBody ?? "";
        var subject = mail.Subject ?? "";
        Assert.Matches(@"  Raised:     \d{4}-\d\d-\d\d \d\d:\d\d plant time \(", text);
        Assert.Contains("  What to do: ", text);
        var link = new Uri(DetailsLink().Match(text).Groups[1].Value);
        Assert.Equal(fixture.App.BaseAddress.Authority, link.Authority);

        await page.GotoAsync(link.PathAndQuery);
        var name = subject[(subject.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("alarm-advice")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "alarm-detail-light-desktop");
        BrowserFixture.AssertNoErrors(errors);

        foreach (var (width, height, dark, shot) in new[] { (390, 844, false, "alarm-detail-light-phone"), (1280, 800, true, "alarm-detail-dark-desktop"), (390, 844, true, "alarm-detail-dark-phone") })
        {
            var (other, otherPage, otherErrors) = await fixture.OpenAsync(width, height, dark);
            await using var __ = other;
            await otherPage.GotoAsync(link.PathAndQuery);
            await Assertions.Expect(otherPage.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
            await BrowserFixture.WaitForCircuitAsync(otherPage);
            await BrowserFixture.ShotAsync(otherPage, shot);
            var overflow = await otherPage.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{shot} is {overflow} px too wide");
            BrowserFixture.AssertNoErrors(otherErrors);
        }
    }

    /// <summary>
    /// The sandbox raises alarms as its simulated time passes: move it on three hours at a time until the sync has stored
    /// a new major or critical alarm and the app has mailed it.
    /// </summary>
    private async Task<MimeMessage> NextAlarmMailAsync()
    {
        for (var step = 0; step < 56; step++) // up to a simulated week
        {
            await fixture.App.AdvanceClockAsync(180);
            for (var wait = 0; wait < 80; wait++)
            {
                var received = fixture.Mail.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
                    .FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == Address) && (m.Subject ?? "").Contains(" alarm at ", StringComparison.Ordinal));
                if (received is not null) return received;
                await Task.Delay(250);
            }
        }
        throw new TimeoutException("No alarm e-mail within a simulated week.\n" + fixture.App.Output);
    }

    [GeneratedRegex(@"  Details:    (\S+)")]
    private static partial Regex DetailsLink();
}
