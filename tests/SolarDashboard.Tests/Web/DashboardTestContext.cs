using System.Security.Claims;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SolarDashboard.Authentication;
using SolarDashboard.Core;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Users;
using SolarDashboard.Vendors;

namespace SolarDashboard.Tests.Web;

/// <summary>
/// A bunit context for pages that read the cache: Core and the vendors as the app wires them (AddSolarDashboardCore,
/// AddSolarDashboardVendors, demo mode) on a real SQLite file in a temporary folder, and a signed-in admin (user 1).
/// Background services are not started.
/// </summary>
public class DashboardTestContext : MudTestContext
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sd-web-").FullName;

    public DashboardTestContext()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{CoreOptions.Section}:DemoMode"] = "true",
            [$"{CoreOptions.Section}:DataDirectory"] = _dir,
        }).Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSolarDashboardCore(configuration, _dir);
        Services.AddSolarDashboardVendors();
        Services.AddScoped<CurrentUser>();
        var auth = AddAuthorization();
        auth.SetAuthorized("Admin");
        auth.SetRoles("Admin");
        auth.SetClaims(new Claim(UserClaims.UserId, "1"));
    }

    public async Task<SolarDbContext> DbAsync() => await Services.GetRequiredService<IDbContextFactory<SolarDbContext>>().CreateDbContextAsync();

    /// <summary>Gives user 1 other roles (the principal's claims stay; the app reads roles from the database).</summary>
    public async Task SetRolesAsync(AppRoles roles)
    {
        await using var db = await DbAsync();
        (await db.Users.SingleAsync(u => u.Id == 1)).Roles = roles;
        await db.SaveChangesAsync();
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbAsync();
        await db.Database.MigrateAsync();
        db.Users.Add(new AppUser { Id = 1, Issuer = "test", Subject = "admin", DisplayName = "Admin", Roles = AppRoles.Admin });
        await db.SaveChangesAsync();
    }

    protected override async Task CleanUpAsync()
    {
        await base.CleanUpAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}
