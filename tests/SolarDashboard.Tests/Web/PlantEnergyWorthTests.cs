using Bunit;
using Microsoft.EntityFrameworkCore;
using SolarDashboard.Components.Pages;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Plants;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Revenue;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Tests.Web;

/// <summary>
/// The plant page's figures for the period its energy chart shows (today by hour): specific yield, revenue at the plant's
/// tariff and CO₂ avoided, and the tariff form that admins and the plant's owner use.
/// </summary>
public sealed class PlantEnergyWorthTests : DashboardTestContext
{
    [Fact]
    public async Task Specific_yield_and_co2_follow_the_period_and_revenue_follows_a_tariff_set_on_the_page()
    {
        var plant = await PlantAsync();
        var page = Render<PlantPage>(p => p.Add(x => x.Id, plant));
        page.WaitForAssertion(() => Assert.Contains("1.50 kWh/kWp", Tile(page, "Specific yield"))); // 15 kWh on 10 kWp
        Assert.Contains("6 kg", Tile(page, "CO₂ avoided")); // 15 kWh × 0.4 kg
        Assert.Contains("no tariff set", Tile(page, "Revenue"));

        page.Find("button[data-testid=tariff-edit]").Click();
        Input(page, "tariff-currency").Change("chf");
        page.FindAll("input[type=radio]")[1].Click(); // import and export prices
        page.WaitForAssertion(() => Input(page, "tariff-import").Change("0.30"));
        Input(page, "tariff-export").Change("0.10");
        page.Find("form").Submit();

        // (15 − 6 to grid) × 0.30 + 6 × 0.10 = 3.30
        page.WaitForAssertion(() => Assert.Contains("3.30 CHF", Tile(page, "Revenue")));
        Assert.Contains("saves 0.30 CHF/kWh used, earns 0.10 CHF/kWh to grid", page.Find("[data-testid=tariff-summary]").TextContent);
        await using var db = await DbAsync();
        var stored = await db.PlantTariffs.SingleAsync();
        Assert.Equal(("CHF", (decimal?)null, 0.30m, 0.10m), (stored.Currency, stored.FlatPricePerKwh, stored.ImportPricePerKwh, stored.ExportPricePerKwh));
    }

    [Fact]
    public async Task A_refused_price_is_explained_under_its_field_and_nothing_is_stored()
    {
        var plant = await PlantAsync();
        var page = Render<PlantPage>(p => p.Add(x => x.Id, plant));
        page.WaitForAssertion(() => page.Find("button[data-testid=tariff-edit]").Click());
        Input(page, "tariff-currency").Change("EURO");
        Input(page, "tariff-flat").Change("20000"); // a price per MWh typed by mistake (the field itself stops negatives)
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("three-letter ISO currency code", page.Find("[data-testid=tariff]").TextContent));
        Assert.Contains("is per kWh: at most 10,000", page.Find("[data-testid=tariff]").TextContent);
        await using var db = await DbAsync();
        Assert.False(await db.PlantTariffs.AnyAsync());
    }

    [Fact]
    public async Task An_operator_sees_the_tariff_but_may_not_change_it()
    {
        var plant = await PlantAsync(new PlantTariff { PlantId = 0, Currency = "EUR", FlatPricePerKwh = 0.25m });
        await SetRolesAsync(AppRoles.Operator);
        await using (var db = await DbAsync())
        {
            db.PlantGrants.Add(new PlantGrant { UserId = 1, PlantId = plant });
            await db.SaveChangesAsync();
        }
        var page = Render<PlantPage>(p => p.Add(x => x.Id, plant));

        page.WaitForAssertion(() => Assert.Contains("3.75 EUR", Tile(page, "Revenue"))); // 15 kWh × 0.25
        Assert.Empty(page.FindAll("[data-testid=tariff-edit]"));
        var tariffs = Services.GetService(typeof(TariffService)) as TariffService;
        var operatorAccess = new UserAccess(1, "Olga", AppRoles.Operator, PlantScope.Of([plant]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => tariffs!.SaveAsync(operatorAccess, plant, new TariffInput("EUR", true, 1m, null, null)));
    }

    /// <summary>MudBlazor puts a field's attributes on its input or on its wrapper, depending on the field.</summary>
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<PlantPage> page, string testId) =>
        page.Find($"[data-testid={testId}]") is { TagName: "INPUT" } input ? input : page.Find($"[data-testid={testId}] input");

    private static string Tile(IRenderedComponent<PlantPage> page, string label) =>
        page.FindAll(".sd-kpi").Single(k => k.QuerySelector(".sd-kpi-label")!.TextContent == label).TextContent;

    /// <summary>A 10 kWp plant in Berlin whose hours today so far made 15 kWh, 6 of them to the grid.</summary>
    private async Task<int> PlantAsync(PlantTariff? tariff = null)
    {
        var now = Clock.GetUtcNow();
        await using var db = await DbAsync();
        var connection = new VendorConnection { Name = "Installer", BaseUrl = "https://eu5.fusionsolar.huawei.com/", State = ConnectionState.Connected, CreatedAt = now };
        db.Connections.Add(connection);
        await db.SaveChangesAsync();
        var plant = new Plant { ConnectionId = connection.Id, VendorKey = "NE=1", Name = "Home", CapacityKwp = 10, TimeZoneId = "Europe/Berlin", DiscoveredAt = now, LastSeenAt = now };
        db.Plants.Add(plant);
        await db.SaveChangesAsync();
        db.PlantSummaries.Add(new PlantSummaryRow { PlantId = plant.Id, StandardJson = "{}", Health = Health.Healthy, PvKw = 3, PowerAt = now, DataCollectedAt = now });
        // 10:00 UTC is 12:00 in Berlin: hours 09:00 and 10:00 plant time.
        foreach (var (hour, pv, export) in new[] { ("09", 6.0, 2.0), ("10", 9.0, 4.0) })
            db.Reports.Add(new PeriodReport
            {
                PlantId = plant.Id, Period = ReportPeriod.Hour, LocalStart = $"2026-06-17T{hour}:00", StartsAt = now, ReceivedAt = now, ValuesJson = "{}",
                StandardJson = new StandardValues().Set(StandardMeasure.PvKwh, pv).Set(StandardMeasure.GridExportKwh, export).Set(StandardMeasure.GridImportKwh, 0.5).ToJson(),
            });
        if (tariff is not null) { tariff.PlantId = plant.Id; db.PlantTariffs.Add(tariff); }
        await db.SaveChangesAsync();
        return plant.Id;
    }
}
