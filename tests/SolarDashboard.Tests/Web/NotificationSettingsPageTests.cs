using Bunit;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Components.Pages;
using SolarDashboard.Components.Settings;
using SolarDashboard.Core.Notifications;

namespace SolarDashboard.Tests.Web;

/// <summary>The notification settings page and its form: defaults, the address, and what the choices mean in words.</summary>
public sealed class NotificationSettingsPageTests : DashboardTestContext
{
    [Fact]
    public void Without_a_mail_server_the_page_says_notifications_are_off_and_shows_the_defaults()
    {
        var page = Render<NotificationSettings>();
        page.WaitForAssertion(() => Assert.Contains("E-mail notifications are off on this server", page.Find("[data-testid=mail-off]").TextContent));
        Assert.Contains("Your sign-in gave no e-mail address", page.Markup);
        Assert.Equal("No e-mail is sent: there is no address.", page.Find("[data-testid=notify-summary]").TextContent.Trim());
        Assert.All(page.FindAll("input[type=checkbox]"), box => Assert.True(box.HasAttribute("checked")));
    }

    [Fact]
    public async Task A_wrong_address_cannot_be_saved_and_a_right_one_is()
    {
        var page = Render<NotificationSettings>();
        var input = page.WaitForElement("input[type=email]");
        input.Input("adam at home");
        page.WaitForAssertion(() => Assert.Contains("Enter one e-mail address", page.Markup));
        Assert.True(page.Find("[data-testid=notify-save]").HasAttribute("disabled"));

        page.Find("input[type=email]").Input("adam@example.com");
        page.WaitForAssertion(() => Assert.Equal("An e-mail as things happen to adam@example.com.", page.Find("[data-testid=notify-summary]").TextContent.Trim()));
        await page.Find("[data-testid=notify-save]").ClickAsync(new());
        await using var db = await DbAsync();
        var saved = await db.NotificationPreferences.SingleAsync(p => p.UserId == 1);
        Assert.Equal(("adam@example.com", true, true, false), (saved.Email, saved.Alarms, saved.Connections, saved.Digest));
    }

    [Fact]
    public void The_form_says_in_words_where_and_when_mail_goes()
    {
        var form = new NotificationForm(new NotificationSettingsView(true, "anna@example.com", null, true, false, true, "07:00 Europe/Berlin"));
        Assert.Equal("Leave it empty to use your sign-in e-mail, anna@example.com.", form.AddressHelp);
        Assert.Equal("One e-mail a day at 07:00 Europe/Berlin, when there is news, to anna@example.com.", form.Summary);
        form.Alarms = false;
        Assert.Equal("No e-mail is sent: nothing is chosen.", form.Summary);
        form.Email = "ann@";
        Assert.Equal("Correct the address to save.", form.Summary);
        form.Email = "";
        Assert.Equal(new NotificationChoice("", false, false, true), form.ToChoice());
    }
}
