using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using Radzen;
using SolarDashboard.Components.Pages;
using SolarDashboard.Core;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Users;
using Microsoft.AspNetCore.Components.Authorization;

namespace SolarDashboard.Tests.Web;

/// <summary>The overview page's state-to-markup logic, rendered with the framework's HtmlRenderer.</summary>
public sealed class HomePageMarkupTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sd-home-").FullName;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddDbContextFactory<SolarDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_dir, "home.db")}")
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning)));
        services.AddSingleton<ConnectionService>();
        services.AddSingleton<AccessService>();
        services.AddScoped<SolarDashboard.Authentication.CurrentUser>();
        services.AddSingleton<AuthenticationStateProvider, SignedInAdmin>();
        services.AddOptions<CoreOptions>().Configure(o => o.DemoMode = true);
        services.AddSingleton<IJSRuntime, NoJs>();
        services.AddSingleton<NavigationManager, FixedNavigation>();
        services.AddRadzenComponents();
        _services = services.BuildServiceProvider();
        await using var db = await _services.GetRequiredService<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        db.Users.Add(new AppUser { Id = 1, Issuer = "test", Subject = "admin", DisplayName = "Admin", Roles = AppRoles.Admin });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    private async Task<string> RenderHomeAsync()
    {
        await using var renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<Home>();
            await output.QuiescenceTask;
            return output.ToHtmlString();
        });
    }

    [Fact]
    public async Task Without_connections_it_says_how_to_add_one()
    {
        var html = await RenderHomeAsync();
        Assert.Contains("No connections yet", html);
        Assert.Contains("Demo mode", html);
    }

    [Fact]
    public async Task Each_connection_shows_its_state_in_plain_words_and_its_last_error()
    {
        await using (var db = await _services.GetRequiredService<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync())
        {
            db.Connections.Add(new VendorConnection { Name = "Roof A", BaseUrl = "https://eu5.fusionsolar.huawei.com/", State = ConnectionState.Connected, CreatedAt = DateTimeOffset.UnixEpoch, LastSuccessAt = DateTimeOffset.UnixEpoch });
            db.Connections.Add(new VendorConnection { Name = "Roof B", BaseUrl = "https://eu5.fusionsolar.huawei.com/", State = ConnectionState.CredentialsRejected, LastError = "FusionSolar rejected the user name or password.", CreatedAt = DateTimeOffset.UnixEpoch, ProtectedSecret = "CfDJ8-secret" });
            await db.SaveChangesAsync();
        }
        var html = await RenderHomeAsync();
        Assert.Contains("data-connection-state=\"Connected\"", html);
        Assert.Contains("data-connection-state=\"CredentialsRejected\"", html);
        Assert.Contains("Credentials rejected", html);
        Assert.Contains("No further logins are tried", html);
        Assert.Contains("FusionSolar rejected the user name or password.", html);
        Assert.DoesNotContain("CfDJ8-secret", html);
    }

    [Fact]
    public async Task A_signed_in_user_without_a_role_is_told_to_ask_an_administrator()
    {
        await using (var db = await _services.GetRequiredService<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync())
        {
            (await db.Users.SingleAsync()).Roles = AppRoles.None;
            await db.SaveChangesAsync();
        }
        Assert.Contains("you have no role yet", await RenderHomeAsync());
    }

    [Fact]
    public async Task An_operator_without_connections_is_pointed_to_assigned_plants_not_to_connecting_an_account()
    {
        await using (var db = await _services.GetRequiredService<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync())
        {
            (await db.Users.SingleAsync()).Roles = AppRoles.Operator;
            await db.SaveChangesAsync();
        }
        var html = await RenderHomeAsync();
        Assert.Contains("Your plants are assigned to you", html);
        Assert.DoesNotContain("Connect your FusionSolar account", html);
    }

    private sealed class SignedInAdmin : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            SolarDashboard.Authentication.AppPrincipal.Create(new AppUser { Id = 1, Issuer = "test", Subject = "admin", DisplayName = "Admin", Roles = AppRoles.Admin }, "s1")));
    }

    private sealed class NoJs : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
    }

    private sealed class FixedNavigation : NavigationManager
    {
        public FixedNavigation() => Initialize("http://localhost/", "http://localhost/");
    }
}
