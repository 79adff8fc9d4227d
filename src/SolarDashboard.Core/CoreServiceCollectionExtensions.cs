using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Data;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Notifications;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.RawValues;
using SolarDashboard.Core.Redex;
using SolarDashboard.Core.TimeSeries;
using SolarDashboard.Core.Security;
using SolarDashboard.Core.Sync;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Database, secrets, the services pages call, the connections' sessions, the sync scheduler and the control ledger.</summary>
    public static IServiceCollection AddSolarDashboardCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<CoreOptions>().BindConfiguration(CoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(CoreOptions.Section).Get<CoreOptions>() ?? new CoreOptions();
        var dataDirectory = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        Directory.CreateDirectory(dataDirectory);

        services.TryAddTimeProvider();
        if (services.All(d => d.ServiceType != typeof(IAppAddress))) services.AddSingleton<IAppAddress, NoAppAddress>();
        // Pooled: a page load opens about ten short-lived contexts, and building each one's services showed in the load profile.
        services.AddPooledDbContextFactory<SolarDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(dataDirectory, "solardashboard.db")}"));
        services.AddHostedService<DatabaseMigrator>();

        // Keys beside the database, so a restart can still read the secrets it stored.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("SolarDashboard")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        if (!string.IsNullOrWhiteSpace(options.KeyCertificatePath))
            dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(Path.Combine(contentRoot, options.KeyCertificatePath)), options.KeyCertificatePassword));
        services.AddSingleton<SecretProtector>();
        services.AddOptions<OutboundAddressOptions>().BindConfiguration(OutboundAddressOptions.Section);
        services.AddSingleton<OutboundAddressPolicy>();
        services.AddSingleton<ConnectionService>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<AccessService>();
        services.AddSingleton<CacheNotifier>();
        services.AddSingleton<SeriesStore>();
        services.AddSingleton<MeasureMappings>();
        services.AddSingleton<RawValueCatalogues>();
        services.AddSingleton<PlantSummaries>();
        services.AddSingleton<CacheWriter>();
        services.AddSingleton<StandardMeasureBackfill>();
        services.AddHostedService<StandardMeasureBackfillService>();
        services.AddSingleton<PlantQueries>();
        services.AddSingleton<Revenue.TariffService>();
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section);
        services.AddSingleton<ConnectionSessions>();
        services.AddSingleton<ConnectionSyncRunner>();
        services.AddHostedService<SyncBackgroundService>();
        services.AddOptions<ControlOptions>().BindConfiguration(ControlOptions.Section);
        services.AddSingleton<ControlVendors>();
        services.AddSingleton<ControlLedger>();
        services.AddSingleton<ControlTracker>();
        services.AddSingleton<DeviceSettings>();
        services.AddHostedService(sp => sp.GetRequiredService<ControlTracker>());
        services.AddSingleton<AlarmQueries>();
        services.AddNotifications();
        services.AddRedexExport();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>E-mail about new major and critical alarms and connections that need a person (off without a mail host).</summary>
    private static void AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<NotificationPlanner>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<NotificationRunner>();
        services.AddSingleton<NotificationPreferences>();
        services.AddHostedService<NotificationBackgroundService>();
    }

    /// <summary>The REDEX export ledger and its sender (the wire is the vendor layer's <see cref="IGenerationRegistry"/>).</summary>
    private static void AddRedexExport(this IServiceCollection services)
    {
        services.AddOptions<RedexExportOptions>().BindConfiguration(RedexExportOptions.Section);
        services.AddSingleton<RedexSessions>();
        services.AddSingleton<RedexExporter>();
        services.AddSingleton<RedexLedger>();
        services.AddHostedService<RedexExportService>();
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
