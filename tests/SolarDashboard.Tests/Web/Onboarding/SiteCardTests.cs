using Bunit;
using MudBlazor;
using SolarDashboard.Components.Onboarding;
using SolarDashboard.Core.Onboarding;
using SolarDashboard.Core.Plants;

namespace SolarDashboard.Tests.Web.Onboarding;

/// <summary>A site's card: its racks, the progress line while a datalog waits for them, and deletes that say what goes before they go.</summary>
public sealed class SiteCardTests : MudTestContext
{
    private static readonly OnboardingLogger Logger = new("UDL0K24123", false,
    [
        new(11, "UHC0K24001", "HPS100HV", DeviceRole.HybridInverter), new(12, "UMB0K24002", "MBMS", DeviceRole.Battery),
        new(13, "UBC0K24003", "BCU 1", DeviceRole.BmsRack), new(14, "UBC0K24004", "BCU 2", DeviceRole.BmsRack),
    ]);

    private static readonly OnboardingSite Site = new("3000001", 7, "Mombasa Hotel", "Africa/Nairobi", 120, "Beach Road 1, Mombasa, Kenya", [Logger], 4);

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<SiteCard> Card) Render(OnboardingSite site, Action<string> deleted)
    {
        var dialogs = Render<MudDialogProvider>();
        var card = Render<SiteCard>(p => p.Add(x => x.Site, site).Add(x => x.VendorName, "ATESS").Add(x => x.IsSerial, s => s.Length == 10).Add(x => x.Hint, "10 letters")
            .Add(x => x.DeleteSite, s => deleted("site " + s.Name)).Add(x => x.DeleteLogger, d => deleted("logger " + d.Logger.Serial)));
        return (dialogs, card);
    }

    [Fact]
    public void Deleting_the_site_first_names_its_datalog_its_devices_and_that_its_history_goes()
    {
        var deleted = new List<string>();
        var (dialogs, card) = Render(Site, deleted.Add);

        card.Find("[data-testid=delete-site]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Delete \"Mombasa Hotel\" at ATESS? Its datalog UDL0K24123 is removed with it. Its 4 devices (HPS100HV, MBMS, BCU 1, BCU 2) "
            + "stop reporting to it. ATESS drops the site's history, and the dashboard deletes the site with everything it stored about it: charts, day reports, "
            + "alarms and who may see it. The control audit trail stays. This cannot be undone.", dialogs.Markup.Replace("&quot;", "\"")));
        Assert.Empty(deleted);
        dialogs.Find("[data-testid=confirm-ok]").Click();
        card.WaitForAssertion(() => Assert.Equal(["site Mombasa Hotel"], deleted));
    }

    [Fact]
    public void Removing_a_datalog_names_its_devices_and_keeps_the_site_and_a_kept_one_stays()
    {
        var deleted = new List<string>();
        var (dialogs, card) = Render(Site, deleted.Add);

        card.Find("[data-testid=delete-logger]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Remove datalog UDL0K24123 from \"Mombasa Hotel\" at ATESS? Its 4 devices (HPS100HV, MBMS, BCU 1, BCU 2) stop reporting to the site. "
            + "ATESS drops their history, and the dashboard deletes these devices with their charts and reports; the site and its other datalogs stay.",
            dialogs.Markup.Replace("&quot;", "\"")));
        dialogs.Find("[data-testid=confirm-cancel]").Click();
        card.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-ok]")));
        Assert.Empty(deleted);
    }

    [Fact]
    public void The_racks_are_listed_and_a_datalog_without_devices_yet_shows_progress()
    {
        var (_, card) = Render(Site with { Loggers = [Logger, new("UDL0K24999", false, [])] }, _ => { });

        Assert.Equal(["BCU 1 · UBC0K24003", "BCU 2 · UBC0K24004"], card.FindAll("[data-testid=rack]").Select(r => r.TextContent.Trim()));
        var waiting = card.Find("[data-serial=UDL0K24999] [data-testid=racks-waiting]");
        Assert.Contains("Waiting for the sync to list this datalog's devices and battery racks", waiting.TextContent);
        Assert.Empty(card.FindAll("[data-serial=UDL0K24123] [data-testid=racks-waiting]"));
    }
}
