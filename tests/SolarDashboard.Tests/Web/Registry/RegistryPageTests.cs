using Bunit;
using SolarDashboard.Components.Registry;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Redex;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Tests.Web.Registry;

/// <summary>The registry page and its plain classes: inverters, the calendar with held reasons, totals, deadlines, forms, access.</summary>
public sealed class RegistryPageTests : DashboardTestContext
{
    private static readonly DateOnly June1 = new(2026, 6, 1);

    private async Task<int> SeedAsync()
    {
        await using var db = await DbAsync();
        var connection = new VendorConnection { Name = "ATESS", Vendor = Vendor.Atess, BaseUrl = "https://example.invalid/", CreatedAt = Now };
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        var plant = new Plant { ConnectionId = connection.Id, VendorKey = "1", Name = "Nairobi Cold Store", TimeZoneId = "Africa/Nairobi" };
        db.Plants.Add(plant);
        await db.SaveChangesAsync();
        var device = new Device { PlantId = plant.Id, VendorKey = "UMD0D23202", Name = "HPS150HV", Role = DeviceRole.HybridInverter, VendorType = "HPS150HV" };
        db.Devices.Add(device);
        var account = new RedexAccount { Name = "REDEX", BaseUrl = "https://example.invalid/", ClientId = "c", ProtectedApiKey = "x", ProtectedClientSecret = "x" };
        db.RedexAccounts.Add(account);
        await db.SaveChangesAsync();
        var registration = new RedexRegistration { AccountId = account.Id, DeviceId = device.Id, RemoteInvId = "STR10000000350001", StartDate = June1 };
        db.RedexRegistrations.Add(registration);
        await db.SaveChangesAsync();
        RedexExportDay Day(int d, ExportState state, string? kwh, string? reason = null) => new()
        {
            RegistrationId = registration.Id, Day = June1.AddDays(d), Version = 1, IsCurrent = true, State = state, PeriodKwh = kwh,
            AccumulatedKwh = kwh, HeldReason = reason, SentAt = kwh is null ? null : Now, UpdatedAt = Now,
        };
        db.RedexExportDays.AddRange(Day(0, ExportState.Success, "10.500"), Day(1, ExportState.Success, "11.250"), Day(2, ExportState.Failed, "3.000"),
            Day(3, ExportState.Held, null, "Gap: the cache has no daily production for this day."));
        await db.SaveChangesAsync();
        return plant.Id;
    }

    [Fact]
    public async Task An_admin_sees_the_inverter_its_calendar_with_held_reasons_its_totals_the_deadlines_and_the_forms()
    {
        await SeedAsync();
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<SolarDashboard.Components.Pages.Registry>();

        page.WaitForAssertion(() => Assert.Contains("STR10000000350001", page.Find("[data-testid=reg-inverters]").TextContent));
        var row = page.Find("[data-testid=reg-inverters] tbody tr").TextContent;
        Assert.Contains("Nairobi Cold Store", row);
        Assert.Contains("ATESS", row);
        Assert.Contains("2 of 4 days succeeded · 1 held · 1 failed", row);
        Assert.Equal("June 2026", page.Find("[data-testid=reg-month]").TextContent);
        var held = page.Find("[data-day='2026-06-04']");
        Assert.Equal("Held", held.QuerySelector(".sd-reg-state")!.TextContent);
        Assert.Contains("Gap: the cache has no daily production", held.GetAttribute("title"));
        Assert.Contains("24.750", page.Find("[data-testid=reg-totals]").TextContent); // what was sent, the failed day included
        Assert.Contains("July–December 2025: by 30 September 2026", page.Find("[data-testid=reg-deadlines]").TextContent);
        Assert.Contains("Register an inverter", page.Markup);
    }

    [Fact]
    public async Task A_failed_day_offers_send_again_and_that_adds_a_pending_version()
    {
        await SeedAsync();
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<SolarDashboard.Components.Pages.Registry>();
        page.WaitForElement("[data-day='2026-06-03']").Click();
        page.WaitForElement("[data-testid=reg-retry]").Click();

        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find("[data-day='2026-06-03'] .sd-reg-state").TextContent));
        await using var db = await DbAsync();
        Assert.Equal([(1, false), (2, true)], db.RedexExportDays.Where(d => d.Day == June1.AddDays(2)).OrderBy(d => d.Version).Select(d => new { d.Version, d.IsCurrent })
            .AsEnumerable().Select(d => (d.Version, d.IsCurrent)));
    }

    [Fact]
    public async Task An_operator_sees_only_registrations_of_plants_assigned_to_them_and_no_admin_forms()
    {
        await SeedAsync();
        await SetRolesAsync(AppRoles.Operator);
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<SolarDashboard.Components.Pages.Registry>();
        page.WaitForAssertion(() => Assert.Contains("No inverter is registered", page.Markup));
        Assert.DoesNotContain("Register an inverter", page.Markup);
    }

    [Fact]
    public void The_calendar_starts_weeks_on_monday_and_offers_what_a_person_may_do()
    {
        var model = new RegistryCalendarModel(new DateOnly(2026, 6, 17));
        var weeks = model.Weeks([]);
        Assert.Equal((5, June1, new DateOnly(2026, 6, 30)), (weeks.Count, weeks[0][0]!.Day, weeks[4][1]!.Day)); // 1 June 2026 is a Monday
        Assert.Null(weeks[4][2]);
        Assert.Equal("May 2026", model.Previous().Title);
        RegistryDayView Of(ExportState s) => new(1, June1, 1, s, "1.000", "1.000", null, null, null);
        Assert.Equal((true, true, false), RegistryCalendarModel.Actions(Of(ExportState.Failed)));
        Assert.Equal((true, false, true), RegistryCalendarModel.Actions(Of(ExportState.Unknown)));
        Assert.Equal((false, false, false), RegistryCalendarModel.Actions(Of(ExportState.Processing)));
    }

    [Theory]
    [InlineData("2026-06-17", "2025-07-01", "2026-09-30", "2026-01-01", "2027-05-31")]
    [InlineData("2026-05-31", "2025-01-01", "2026-05-31", "2025-07-01", "2026-09-30")]
    [InlineData("2026-10-01", "2026-01-01", "2027-05-31", "2026-07-01", "2027-09-30")]
    public void The_next_deadlines_are_31_may_for_january_to_june_and_30_september_for_july_to_december(string today, string from1, string due1, string from2, string due2)
    {
        var next = CertificateDeadline.Next(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([from1, due1, from2, due2], next.SelectMany(d => new[] { d.From.ToString("yyyy-MM-dd"), d.Due.ToString("yyyy-MM-dd") }));
    }

    [Fact]
    public void The_forms_say_what_is_missing()
    {
        var form = new RegistryForms { ApiKey = "k", ClientId = "c", ClientSecret = "s", BaseUrl = " " };
        Assert.Equal("Enter the REDEX address, such as https://api.redex.eco/.", form.AccountError);
        form.BaseUrl = "https://api.redex.eco/";
        Assert.Null(form.AccountError); // the address itself is judged by the server's outbound rules (RedexAccountAddressTests)
        Assert.Equal("Choose the REDEX account.", form.RegistrationError);
        (form.AccountId, form.DeviceId, form.RemoteInvId) = (1, 2, "STR1");
        Assert.Equal("Enter the first day to send.", form.RegistrationError);
    }
}
