using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using SolarDashboard.Components.Connections;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.Users;
using SolarDashboard.Vendors.FusionSolar.Consent;

namespace SolarDashboard.Tests.Web.Connections;

/// <summary>What a connection card shows, and offers, in each state and to whom.</summary>
public sealed class ConnectionCardTests : MudTestContext
{
    private static readonly UserAccess Anna = new(2, "Anna Owner", AppRoles.Owner, PlantScope.All);
    private static readonly UserAccess Ben = new(3, "Ben Owner", AppRoles.Owner, PlantScope.All);
    private static readonly UserAccess Adam = new(1, "Adam Admin", AppRoles.Admin, PlantScope.All);

    public ConnectionCardTests()
    {
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
        Services.AddSingleton<IOwnerConsent, FusionSolarScopes>();
    }

    /// <summary>The card asks the vendor's consent which scopes mean reading and control: FusionSolar's (reference 3.1.2).</summary>
    private sealed class FusionSolarScopes : IOwnerConsent
    {
        public bool IsConfigured => true;
        public string ReadScope => FusionSolarConsent.BasicScope;
        public string ControlScope => FusionSolarConsent.ControlScope;
        public Task<Uri> BeginAsync(UserAccess user, string sessionId, ConsentPurpose purpose, int? connectionId, Uri origin, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<ConsentResult> CompleteAsync(UserAccess user, string? sessionId, string? state, string? code, string? error, CancellationToken ct = default) => throw new NotSupportedException();
    }

    private static ConnectionSummary Owned(ConnectionState state, string? scopes = "pvms.openapi.basic pvms.openapi.control", string? error = null) =>
        new(5, "Anna's FusionSolar", Vendor.FusionSolar, AuthMode.OAuthConnect, "https://eu5.fusionsolar.huawei.com/", state, error,
            Now.AddMinutes(-4), false, Anna.UserId, scopes, 1);

    private IRenderedComponent<ConnectionCard> Card(ConnectionSummary c, UserAccess user, QuotaView? quota = null, Action<ConnectionSummary>? disconnect = null) =>
        Render<ConnectionCard>(p => p.Add(x => x.Connection, c).Add(x => x.User, user).Add(x => x.Now, Now).Add(x => x.Quota, quota)
            .Add(x => x.Disconnect, disconnect ?? (_ => { })));

    private static string[] Actions(IRenderedComponent<ConnectionCard> card) =>
        card.FindAll("[data-testid=reauthorize], [data-testid=add-control], [data-testid=disconnect], [data-testid=delete-history]")
            .Select(e => e.GetAttribute("data-testid")!).ToArray();

    [Fact]
    public void A_connected_owner_account_with_control_shows_both_permissions_and_can_be_disconnected()
    {
        var card = Card(Owned(ConnectionState.Connected), Anna);

        Assert.Equal("Connected", card.Find("[data-testid=connection-state]").TextContent.Trim());
        Assert.Contains("Battery and feed-in control allowed", card.Find("[data-testid=control-scope]").TextContent);
        Assert.Contains("Last successful sync 4 min ago.", card.Markup);
        Assert.Equal(["disconnect"], Actions(card));
    }

    [Fact]
    public void Without_the_control_scope_the_owner_is_offered_to_allow_it()
    {
        var card = Card(Owned(ConnectionState.Connected, scopes: "pvms.openapi.basic"), Anna);

        Assert.Contains("Control not allowed", card.Find("[data-testid=control-scope]").TextContent);
        Assert.Equal(["add-control", "disconnect"], Actions(card));
        Assert.Equal("AddControl", card.Find("form input[name=purpose]").GetAttribute("value"));
    }

    [Fact]
    public void A_revoked_consent_explains_itself_and_offers_to_connect_again()
    {
        var card = Card(Owned(ConnectionState.NeedsReauthorization, error: "The refresh token was refused."), Anna);

        Assert.Equal("Needs re-authorization", card.Find("[data-testid=connection-state]").TextContent.Trim());
        Assert.Contains("Connect the account again.", card.Markup);
        Assert.Equal("The refresh token was refused.", card.Find("[data-testid=last-error]").TextContent);
        Assert.Equal(["reauthorize", "disconnect"], Actions(card));
        Assert.Equal(("Reauthorize", "5"), (card.Find("form input[name=purpose]").GetAttribute("value"), card.Find("form input[name=connection]").GetAttribute("value")));
    }

    [Fact]
    public void A_disconnected_account_offers_reconnecting_and_deleting_its_history_not_disconnecting()
    {
        var card = Card(Owned(ConnectionState.Disconnected), Anna);

        Assert.Equal("Disconnected", card.Find("[data-testid=connection-state]").TextContent.Trim());
        Assert.Equal(["reauthorize", "delete-history"], Actions(card));
    }

    [Fact]
    public void Another_owner_sees_no_actions_on_a_connection_that_is_not_theirs()
    {
        var card = Card(Owned(ConnectionState.Connected), Ben);

        Assert.Empty(Actions(card));
    }

    [Fact]
    public void The_demo_api_account_cannot_be_disconnected_and_shows_its_budgets()
    {
        var demo = new ConnectionSummary(1, "Demo installer", Vendor.FusionSolar, AuthMode.ApiAccount, "/sandbox/fusionsolar/", ConnectionState.Connected,
            null, Now, true, null, null, 12);
        var quota = new QuotaView(1, "Demo installer", ConnectionState.Connected, null, Now,
            [new ApiQuota("getStationRealKpi", TimeSpan.FromMinutes(5), 10, 10, 120, 2)], [new RecentFailure("getDevRealKpi", Now.AddHours(-2), "failCode 407")]);

        var card = Card(demo, Adam, quota);

        Assert.Empty(Actions(card));
        Assert.Empty(card.FindAll("[data-testid=control-scope]"));
        var quotaView = card.Find("[data-testid=quota-view]");
        Assert.Contains("getStationRealKpi", quotaView.TextContent);
        Assert.Contains("10 of 10 per 5 min", quotaView.TextContent);
        Assert.Contains("120 calls, 2 failed", quotaView.TextContent);
        Assert.Contains("getDevRealKpi, 2 h ago: failCode 407", quotaView.TextContent);
    }

    [Fact]
    public void Disconnect_asks_the_page_with_the_connection()
    {
        ConnectionSummary? asked = null;
        var card = Card(Owned(ConnectionState.Connected), Anna, disconnect: c => asked = c);

        card.Find("[data-testid=disconnect]").Click();

        card.WaitForAssertion(() => Assert.Equal(5, asked?.Id));
    }
}
