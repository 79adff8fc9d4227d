using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Notifications;
using SolarDashboard.Core.Users;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Notifications;

/// <summary>E-mail notifications, received by a real SMTP server (netDumbster) and read back.</summary>
public sealed class NotificationTests
{
    private static readonly DateTimeOffset Start = NotificationHarness.Start;

    [Fact]
    public async Task A_new_critical_alarm_is_mailed_to_a_user_who_may_see_the_plant_and_not_to_one_who_may_not()
    {
        using var mail = TestMailServer.Start();
        await using var h = await NotificationHarness.StartAsync(mail.Port);
        await h.AddUserAsync("anna", AppRoles.Owner, "anna@example.test", h.Berlin);
        await h.AddUserAsync("ben", AppRoles.Owner, "ben@example.test", h.Lisbon);
        await h.Runner.RunOnceAsync(); // meets both: alarms count for them from now on

        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.ActiveAlarmsAsync(h.Berlin, (2011, "String Reverse Connection", 1, Start.AddMinutes(5)));
        await h.Runner.RunOnceAsync();

        var message = Assert.Single(mail.Messages);
        Assert.Equal("anna@example.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("solar@example.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Critical alarm at Berlin Residence: String Reverse Connection", message.Subject);
        var text = message.TextBody;
        Assert.Contains("Critical alarm at Berlin Residence", text);
        Assert.Contains("  Alarm:      String Reverse Connection", text);
        Assert.Contains("  Severity:   Critical", text);
        Assert.Contains("  Device:     Inverter Berlin", text);
        Assert.Contains("  Raised:     2026-06-17 12:05 plant time (Europe/Berlin, UTC+02:00)", text);
        Assert.Contains("  Status:     still active", text);
        Assert.Contains("  Cause:      The PV string is reversely connected.", text);
        Assert.Contains("  What to do: 1. Wait until the irradiance declines at night. 2. Turn off the DC switch", text);
        Assert.Contains($"  Details:    https://dash.example.test/alarms/{await h.AlarmRecordIdAsync(2011)}", text);
        Assert.Contains("https://dash.example.test/settings/notifications", text);
    }

    [Fact]
    public async Task An_alarm_stored_again_by_the_next_sync_is_not_mailed_again()
    {
        using var mail = TestMailServer.Start();
        await using var h = await NotificationHarness.StartAsync(mail.Port);
        await h.AddUserAsync("anna", AppRoles.Owner, "anna@example.test", h.Berlin);
        await h.Runner.RunOnceAsync();
        h.Time.Advance(TimeSpan.FromMinutes(10));
        var alarm = (2032, "Grid Overvoltage", 2, Start.AddMinutes(5));
        await h.ActiveAlarmsAsync(h.Berlin, alarm);
        await h.Runner.RunOnceAsync();
        Assert.Equal("Major alarm at Berlin Residence: Grid Overvoltage", Assert.Single(mail.Messages).Subject);

        for (var round = 0; round < 3; round++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(10));
            await h.ActiveAlarmsAsync(h.Berlin, alarm); // still active: the sync stores it again
            await h.Runner.RunOnceAsync();
        }
        Assert.Single(mail.Messages);
    }

    [Fact]
    public async Task Alarms_known_before_a_user_is_met_and_minor_alarms_are_not_mailed()
    {
        using var mail = TestMailServer.Start();
        await using var h = await NotificationHarness.StartAsync(mail.Port);
        await h.ActiveAlarmsAsync(h.Berlin, (2011, "String Reverse Connection", 1, Start.AddHours(-2)));
        await h.AddUserAsync("adam", AppRoles.Admin, "adam@example.test");
        await h.Runner.RunOnceAsync();

        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.ActiveAlarmsAsync(h.Berlin, (2011, "String Reverse Connection", 1, Start.AddHours(-2)), (2038, "Abnormal Grid Frequency", 3, Start.AddMinutes(5)));
        await h.Runner.RunOnceAsync();

        Assert.Empty(mail.Messages);
    }

    [Fact]
    public async Task In_digest_mode_one_message_goes_out_at_seven_in_the_morning_plant_time()
    {
        using var mail = TestMailServer.Start();
        await using var h = await NotificationHarness.StartAsync(mail.Port);
        var anna = await h.AddUserAsync("anna", AppRoles.Owner, "anna@example.test", h.Berlin);
        await h.Runner.RunOnceAsync();
        var access = await h.Access.ForUserAsync(anna);
        await h.Preferences.SaveAsync(access, new NotificationChoice(null, Alarms: true, Connections: true, Digest: true));
        Assert.Equal("07:00 Europe/Berlin", (await h.Preferences.GetAsync(access)).DigestAt);

        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.ActiveAlarmsAsync(h.Berlin, (2011, "String Reverse Connection", 1, Start.AddMinutes(5)), (2032, "Grid Overvoltage", 2, Start.AddMinutes(8)));
        await h.Runner.RunOnceAsync();
        Assert.Empty(mail.Messages);

        h.Time.SetUtcNow(new DateTimeOffset(2026, 6, 18, 4, 59, 0, TimeSpan.Zero)); // 06:59 in Berlin
        await h.Runner.RunOnceAsync();
        Assert.Empty(mail.Messages);

        h.Time.SetUtcNow(new DateTimeOffset(2026, 6, 18, 5, 0, 0, TimeSpan.Zero)); // 07:00 in Berlin
        await h.Runner.RunOnceAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.Runner.RunOnceAsync();

        var digest = Assert.Single(mail.Messages);
        Assert.Equal("SolarDashboard daily summary: 2 alarms", digest.Subject);
        Assert.Contains("Critical alarm at Berlin Residence", digest.TextBody);
        Assert.Contains("Major alarm at Berlin Residence", digest.TextBody);
    }

    [Fact]
    public void The_digest_hour_follows_the_plants_clock_across_a_clock_change()
    {
        // The night clocks go forward in Berlin (2026-03-29): 07:00 is then 05:00 UTC, the day before it was 06:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 6, 0, 0, TimeSpan.Zero), DigestSchedule.NextAfter("Europe/Berlin", new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 5, 0, 0, TimeSpan.Zero), DigestSchedule.NextAfter("Europe/Berlin", new DateTimeOffset(2026, 3, 28, 6, 0, 0, TimeSpan.Zero)));
        // A plant known only by its offset, and the fallback zone for a user who sees no plant.
        Assert.Equal(new DateTimeOffset(2026, 6, 17, 23, 0, 0, TimeSpan.Zero), DigestSchedule.NextAfter("+08:00", new DateTimeOffset(2026, 6, 17, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal("+08:00", DigestSchedule.ZoneOf(["Europe/Berlin", "+08:00", "+08:00"], "UTC"));
        Assert.Equal("UTC", DigestSchedule.ZoneOf([], "UTC"));
        Assert.Equal("07:00 UTC+08:00", DigestSchedule.Describe("+08:00"));
    }

    [Fact]
    public async Task An_owners_connection_that_needs_re_authorization_is_told_to_that_owner_once_per_episode()
    {
        using var mail = TestMailServer.Start();
        await using var h = await NotificationHarness.StartAsync(mail.Port);
        var anna = await h.AddUserAsync("anna", AppRoles.Owner, "anna@example.test");
        await h.AddUserAsync("adam", AppRoles.Admin, "adam@example.test");
        await h.Runner.RunOnceAsync();

        await h.SetConnectionStateAsync(ConnectionState.NeedsReauthorization, ownerUserId: anna);
        await h.Runner.RunOnceAsync();
        await h.Runner.RunOnceAsync();
        var first = Assert.Single(mail.Messages);
        Assert.Equal("anna@example.test", first.To.Mailboxes.Single().Address);
        Assert.Equal("The connection \"Installer\" needs attention", first.Subject);
        Assert.Contains("needs re-authorization", first.TextBody);
        Assert.Contains("  Fix it:     https://dash.example.test/connections", first.TextBody);

        // Fixed, then refused again: a new episode, told again.
        h.Time.Advance(TimeSpan.FromHours(1));
        await h.SetConnectionStateAsync(ConnectionState.Connected);
        await h.Runner.RunOnceAsync();
        h.Time.Advance(TimeSpan.FromHours(1));
        await h.SetConnectionStateAsync(ConnectionState.NeedsReauthorization);
        await h.Runner.RunOnceAsync();
        Assert.Equal(2, mail.To("anna@example.test").Count);
        Assert.Empty(mail.To("adam@example.test"));
    }

    [Fact]
    public async Task A_rejected_installer_password_is_told_to_the_admins_and_not_to_operators()
    {
        using var mail = TestMailServer.Start();
        await using var h = await NotificationHarness.StartAsync(mail.Port);
        await h.AddUserAsync("adam", AppRoles.Admin, "adam@example.test");
        await h.AddUserAsync("olga", AppRoles.Operator, "olga@example.test", h.Berlin, h.Lisbon);
        await h.Runner.RunOnceAsync();
        await h.SetConnectionStateAsync(ConnectionState.CredentialsRejected);
        await h.Runner.RunOnceAsync();

        var message = Assert.Single(mail.Messages);
        Assert.Equal("adam@example.test", message.To.Mailboxes.Single().Address);
        Assert.Contains("credentials rejected", message.TextBody);
        Assert.Contains("  Last error: FusionSolar refused the sign-in.", message.TextBody);
    }

    [Fact]
    public async Task Choices_on_the_settings_page_decide_the_address_and_what_is_sent()
    {
        using var mail = TestMailServer.Start();
        await using var h = await NotificationHarness.StartAsync(mail.Port);
        var anna = await h.AddUserAsync("anna", AppRoles.Owner, email: null, h.Berlin);
        var ben = await h.AddUserAsync("ben", AppRoles.Owner, "ben@example.test", h.Berlin);
        await h.Runner.RunOnceAsync();
        var annaAccess = await h.Access.ForUserAsync(anna);
        var benAccess = await h.Access.ForUserAsync(ben);
        Assert.Equal(new NotificationSettingsView(true, "ben@example.test", null, true, true, false, "07:00 Europe/Berlin"), await h.Preferences.GetAsync(benAccess));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Preferences.SaveAsync(annaAccess, new NotificationChoice("not an address", true, true, false)));

        // Anna had no address from her sign-in: she gives one. Ben turns alarms off.
        await h.Preferences.SaveAsync(annaAccess, new NotificationChoice(" anna@home.example.test ", true, true, false));
        await h.Preferences.SaveAsync(benAccess, new NotificationChoice(null, Alarms: false, Connections: true, Digest: false));
        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.ActiveAlarmsAsync(h.Berlin, (2011, "String Reverse Connection", 1, Start.AddMinutes(5)));
        await h.Runner.RunOnceAsync();

        Assert.Single(mail.To("anna@home.example.test"));
        Assert.Empty(mail.To("ben@example.test"));
        Assert.Single(mail.Messages);
    }

    [Fact]
    public async Task A_notification_no_longer_wanted_before_it_went_out_is_dropped()
    {
        using var mail = TestMailServer.Start();
        await using var h = await NotificationHarness.StartAsync(mail.Port);
        var anna = await h.AddUserAsync("anna", AppRoles.Owner, "anna@example.test", h.Berlin);
        await h.Runner.RunOnceAsync();
        var access = await h.Access.ForUserAsync(anna);
        await h.Preferences.SaveAsync(access, new NotificationChoice(null, true, true, Digest: true));
        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.ActiveAlarmsAsync(h.Berlin, (2011, "String Reverse Connection", 1, Start.AddMinutes(5)));
        await h.Runner.RunOnceAsync();
        await h.Preferences.SaveAsync(access, new NotificationChoice(null, Alarms: false, Connections: true, Digest: true));
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.Runner.RunOnceAsync();

        Assert.Empty(mail.Messages);
        await using var db = await h.DbAsync();
        Assert.Equal(NotificationStatus.Dropped, (await db.Notifications.SingleAsync()).Status);
    }

    [Fact]
    public async Task An_outage_of_the_mail_server_is_logged_once_without_secrets_and_retried_with_a_growing_wait()
    {
        var port = TestMailServer.FreePort();
        var logs = new LogCapture();
        await using var h = await NotificationHarness.StartAsync(port,
            new Dictionary<string, string?> { ["SolarDashboard:Mail:User"] = "solar", ["SolarDashboard:Mail:Password"] = "mail-secret-4711" }, logs);
        await h.AddUserAsync("anna", AppRoles.Owner, "anna@example.test", h.Berlin);
        await h.Runner.RunOnceAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.ActiveAlarmsAsync(h.Berlin, (2011, "String Reverse Connection", 1, Start));
        for (var minute = 0; minute < 120; minute++)
        {
            await h.Runner.RunOnceAsync(); // every pass returns, none throws
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var sender = logs.Lines.Where(l => l.Category == typeof(NotificationSender).FullName).ToList();
        var warning = Assert.Single(sender, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains($"127.0.0.1:{port}", warning.Message);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("mail-secret-4711", StringComparison.Ordinal));
        // Tried again with a growing wait (1, 2, 4, … 30 minutes), not every pass: about eight tries in two hours.
        await using (var db = await h.DbAsync())
            Assert.InRange((await db.Notifications.SingleAsync()).Attempts, 5, 10);
    }

    [Fact]
    public void A_mail_host_without_a_sender_address_is_refused_at_start_naming_the_key_to_set()
    {
        var dir = Directory.CreateTempSubdirectory("sd-mail-options-").FullName;
        try
        {
            IOptions<MailOptions> Options(string? from)
            {
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["SolarDashboard:DataDirectory"] = dir, ["SolarDashboard:Mail:Host"] = "smtp.example.com", ["SolarDashboard:Mail:From"] = from,
                }).Build();
                return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSolarDashboardCore(configuration, dir)
                    .BuildServiceProvider().GetRequiredService<IOptions<MailOptions>>();
            }
            var refused = Assert.Throws<OptionsValidationException>(() => Options(null).Value);
            Assert.Contains("SolarDashboard:Mail:From", refused.Message);
            Assert.Equal("smtp.example.com", Options("SolarDashboard <solar@example.com>").Value.Host);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task A_mail_server_that_is_down_does_not_block_or_fail_the_sync_and_the_mail_goes_out_when_it_is_back()
    {
        var port = TestMailServer.FreePort(); // nothing listens there yet
        await using var sandbox = await SandboxHost.StartAsync();
        await using var h = await SyncHarness.StartAsync(sandbox, settings: TestMailServer.Settings(port));
        var connection = await h.AddApiAccountAsync();
        await using (var db = await h.DbAsync())
        {
            db.Users.Add(new AppUser { Issuer = "test", Subject = "adam", DisplayName = "Adam", Email = "adam@example.test", Roles = AppRoles.Admin });
            await db.SaveChangesAsync();
        }
        var runner = h.Service<NotificationRunner>();
        await runner.RunOnceAsync(); // Adam is met before the first sync: its major and critical alarms are news to him
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));

        // The app's two loops, interleaved: a sync round, then a notification pass that finds the mail server down.
        await h.RunForAsync(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1), [connection], () => runner.RunOnceAsync());

        await using (var db = await h.DbAsync())
        {
            Assert.Equal(ConnectionState.Connected, (await db.Connections.SingleAsync()).State);
            Assert.Equal(12, await db.Plants.CountAsync());
            Assert.True(await db.LatestKpis.AnyAsync(k => k.CollectedAt >= sandbox.Time.GetUtcNow().AddMinutes(-10)), "the sync stopped during the outage");
            var pending = await db.Notifications.ToListAsync();
            Assert.NotEmpty(pending);
            Assert.All(pending, n => Assert.Equal((NotificationStatus.Pending, true), (n.Status, n.Attempts > 0)));
        }

        using var mail = TestMailServer.Start(port);
        sandbox.Time.Advance(TimeSpan.FromMinutes(30)); // past the longest wait between tries
        await runner.RunOnceAsync();

        var message = Assert.Single(mail.To("adam@example.test"));
        Assert.Contains("alarm", message.Subject, StringComparison.OrdinalIgnoreCase);
        await using (var db = await h.DbAsync())
            Assert.All(await db.Notifications.ToListAsync(), n => Assert.Equal(NotificationStatus.Sent, n.Status));
    }
}
