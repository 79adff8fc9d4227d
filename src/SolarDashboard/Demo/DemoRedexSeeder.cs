using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Redex;
using SolarDashboard.Core.Reports;
using SolarDashboard.Core.Security;
using SolarDashboard.Sandbox.Redex;

namespace SolarDashboard.Demo;

/// <summary>
/// Demo mode: the sandbox's demo REDEX account, pointing at the in-process sandbox, and a registration for each inverter the
/// sandbox registered whose device (by serial number, or the vendor key an ATESS serial is) the sync has found. A registration starts the day after the first
/// day the cache has (that first day may be partial), and never before the registry's start date.
/// <see cref="RegisterSetting"/> = false leaves the registering to a person (the end-to-end test does it through the form).
/// </summary>
public sealed class DemoRedexSeeder(
    IHostApplicationLifetime lifetime,
    IAppAddress appAddress,
    IDbContextFactory<SolarDbContext> dbFactory,
    IConfiguration configuration,
    SecretProtector secrets,
    RedexDirectory directory,
    TimeProvider time,
    ILogger<DemoRedexSeeder> logger) : BackgroundService
{
    public const string AccountName = "Demo REDEX account (sandbox)";
    public const string RegisterSetting = "SolarDashboard:Demo:RegisterRedexInverters";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult())) await started.Task.WaitAsync(stoppingToken);
        if (appAddress.Current is not { } app || directory.Accounts.Count == 0) return;

        var demo = directory.Accounts[0];
        var accountId = await EnsureAccountAsync(demo, new Uri(app, "sandbox/redex/"), stoppingToken);
        if (!configuration.GetValue(RegisterSetting, true)) return;
        var inverters = directory.Inverters.Where(i => i.ClientId == demo.ClientId).ToList();
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            if (await RegisterFoundAsync(accountId, inverters, stoppingToken)) return;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> EnsureAccountAsync(Sandbox.Redex.RedexAccount demo, Uri baseUrl, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.RedexAccounts.FirstOrDefaultAsync(a => a.ClientId == demo.ClientId, ct);
        if (account is null)
        {
            account = new Core.Redex.RedexAccount
            {
                Name = AccountName, BaseUrl = baseUrl.AbsoluteUri, ClientId = demo.ClientId, ProtectedApiKey = secrets.Protect(demo.ApiKey),
                ProtectedClientSecret = secrets.Protect(demo.ClientSecret), CreatedAt = time.GetUtcNow(),
            };
            db.RedexAccounts.Add(account);
        }
        account.BaseUrl = baseUrl.AbsoluteUri; // another port than last time
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo mode: REDEX account '{Name}' points at {BaseUrl}", account.Name, account.BaseUrl);
        return account.Id;
    }

    /// <summary>Registers what can be registered now; true when every inverter of the demo account is.</summary>
    private async Task<bool> RegisterFoundAsync(int accountId, IReadOnlyList<RedexInverter> inverters, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var registered = await db.RedexRegistrations.Where(r => r.AccountId == accountId).Select(r => r.RemoteInvId).ToListAsync(ct);
        var missing = inverters.Where(i => !registered.Contains(i.RemoteInvId)).ToList();
        foreach (var inverter in missing)
        {
            var device = await db.Devices.Where(d => (d.SerialNumber == inverter.SerialNumber || d.VendorKey == inverter.SerialNumber) && !db.RedexRegistrations.Any(r => r.DeviceId == d.Id))
                .Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (device is null) continue;
            var first = await db.Reports.Where(r => r.DeviceId == device && r.Period == ReportPeriod.Day).MinAsync(r => (string?)r.LocalStart, ct);
            if (first is null) continue;
            var start = DateOnly.ParseExact(first, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1);
            db.RedexRegistrations.Add(new RedexRegistration
            {
                AccountId = accountId, DeviceId = device.Value, RemoteInvId = inverter.RemoteInvId,
                StartDate = start > inverter.StartDate ? start : inverter.StartDate, CapacityKw = inverter.CapacityKw, CreatedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Demo mode: registered {RemoteInvId} at REDEX from {Start}", inverter.RemoteInvId, start);
        }
        return missing.Count == 0;
    }
}
