using Bunit;
using Flurl.Http.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SolarDashboard.Components.Connections;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Web.Connections;

/// <summary>
/// The account form of /connections for ATESS: its own words, and the page's service (the app's AtessAccounts) behind it,
/// against the in-process sandbox: a good key is saved, a bad one is refused with the message shown and nothing saved.
/// </summary>
public sealed class AtessAccountFormTests : DashboardTestContext
{
    private readonly SandboxHost _sandbox;

    public AtessAccountFormTests()
    {
        // The sandbox must exist before the services are built (on the first render or database use).
        _sandbox = SandboxHost.StartAsync().GetAwaiter().GetResult();
        Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_sandbox.Time));
        Services.Replace(ServiceDescriptor.Singleton<IFlurlClientCache>(_sandbox.CreateClientCache()));
        Services.Replace(ServiceDescriptor.Singleton<IAppAddress>(new LocalAddress()));
        Services.TryAddSingleton<IHostApplicationLifetime, ApplicationLifetime>(); // what the host gives the sync runner
    }

    private sealed class LocalAddress : IAppAddress
    {
        public Uri? Current { get; } = new("http://localhost/");
    }

    private IRenderedComponent<ApiAccountEditor> Form(Action? saved = null) =>
        Render<ApiAccountEditor>(p => p.Add(x => x.Vendor, Vendor.Atess).Add(x => x.Saved, () => saved?.Invoke()));

    private static async Task SubmitAsync(IRenderedComponent<ApiAccountEditor> form, string account, string key)
    {
        form.Find("input[data-testid=aa-user]").Change(account);
        form.Find("input[data-testid=aa-code]").Change(key);
        await form.Find("form").SubmitAsync();
    }

    [Fact]
    public void The_atess_form_asks_for_the_account_id_and_api_key_and_offers_the_demo_sandbox()
    {
        var form = Form();

        var labels = form.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Account id", labels);
        Assert.Contains("API key", labels);
        Assert.DoesNotContain("User name", labels);
        Assert.Contains("Add an ATESS account", form.Find("h2").TextContent);
        Assert.Equal("password", form.Find("input[data-testid=aa-code]").GetAttribute("type"));
        Assert.Contains("Sandbox in this app (demo)", form.Markup);
    }

    [Fact]
    public void The_fusionsolar_form_keeps_its_words()
    {
        var form = Render<ApiAccountEditor>();

        var labels = form.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("User name", labels);
        Assert.Contains("Password (systemCode)", labels);
        Assert.Contains("Add an installer API account", form.Find("h2").TextContent);
    }

    [Fact]
    public async Task A_refused_key_shows_the_message_and_saves_nothing()
    {
        var form = Form();

        await SubmitAsync(form, SandboxHost.AtessAccount, "not-the-key");

        form.WaitForAssertion(() => Assert.Equal(
            "ATESS refused the account id or API key. Nothing was saved. Check both before trying again.", form.Find("[data-testid=aa-result]").TextContent.Trim()));
        await using var db = await DbAsync();
        Assert.Empty(await db.Connections.ToListAsync());
    }

    [Fact]
    public async Task A_good_key_is_saved_through_the_page_service_with_the_key_encrypted()
    {
        var saved = 0;
        var form = Form(() => saved++);

        await SubmitAsync(form, SandboxHost.AtessAccount, SandboxHost.AtessKey);

        form.WaitForAssertion(() => Assert.StartsWith("Signed in at ATESS and saved: 3 plants.", form.Find("[data-testid=aa-result]").TextContent.Trim()));
        Assert.Equal(1, saved);
        await using var db = await DbAsync();
        var connection = await db.Connections.AsNoTracking().SingleAsync();
        Assert.Equal((Vendor.Atess, SandboxHost.AtessAccount), (connection.Vendor, connection.UserName));
        Assert.DoesNotContain(SandboxHost.AtessKey, connection.ProtectedSecret);
        Assert.Equal("", form.Find("input[data-testid=aa-code]").GetAttribute("value") ?? "");
    }

    protected override async Task CleanUpAsync()
    {
        await base.CleanUpAsync();
        await _sandbox.DisposeAsync();
    }
}
