using Flurl.Http.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SolarDashboard.Core.Connections;
using SolarDashboard.Core.Control;
using SolarDashboard.Core.Measures;
using SolarDashboard.Core.Onboarding;
using SolarDashboard.Core.Queries;
using SolarDashboard.Core.RawValues;
using SolarDashboard.Core.Sync;
using SolarDashboard.Vendors.Atess;
using SolarDashboard.Vendors.Atess.Control;
using SolarDashboard.Vendors.Atess.Model;
using SolarDashboard.Vendors.Atess.Sync;
using SolarDashboard.Vendors.FusionSolar;
using SolarDashboard.Vendors.FusionSolar.Consent;
using SolarDashboard.Vendors.FusionSolar.Control;
using SolarDashboard.Vendors.FusionSolar.Model;
using SolarDashboard.Vendors.FusionSolar.Sync;
using SolarDashboard.Vendors.Redex;
using SolarDashboard.Core.Redex;

namespace SolarDashboard.Vendors;

public static class VendorsServiceCollectionExtensions
{
    /// <summary>Typed vendor clients (HTTP through <see cref="VendorHttp"/>), each vendor's sessions, model (measures mapping, raw catalogue), consent, sync and control.</summary>
    public static IServiceCollection AddSolarDashboardVendors(this IServiceCollection services)
    {
        services.TryAddSingleton<IFlurlClientCache, FlurlClientCache>();
        services.AddSingleton<VendorHttp>();
        services.AddSingleton<FusionSolarLoginClient>();
        services.AddOptions<FusionSolarOAuthOptions>().BindConfiguration(FusionSolarOAuthOptions.Section);
        services.AddSingleton<FusionSolarOAuthSettingsProvider>();
        services.AddSingleton<FusionSolarSessions>();
        services.AddSingleton<FusionSolarConsent>();
        services.AddSingleton<IOwnerConsent>(sp => sp.GetRequiredService<FusionSolarConsent>());
        services.AddSingleton<FusionSolarApiAccounts>();
        services.AddSingleton<IVendorAccounts>(sp => sp.GetRequiredService<FusionSolarApiAccounts>());
        services.AddSingleton<IMeasureMapping, FusionSolarMeasures>();
        services.AddSingleton<IRawValueCatalogue, FusionSolarCatalogue>();
        services.AddSingleton<FusionSolarSyncer>();
        services.AddSingleton<IConnectionSyncer>(sp => sp.GetRequiredService<FusionSolarSyncer>());
        services.AddSingleton<IQuotaReader, FusionSolarQuotaReader>();
        services.AddSingleton<ControlFactsReader>();
        services.AddSingleton<IControlVendor, FusionSolarControl>();
        services.AddSingleton<IMeasureMapping, AtessMeasures>();
        services.AddSingleton<IRawValueCatalogue, AtessCatalogue>();
        services.AddOptions<AtessSyncOptions>().BindConfiguration(AtessSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AtessSyncer>();
        services.AddSingleton<AtessAccounts>();
        services.AddSingleton<IQuotaReader, AtessQuotaReader>();
        services.AddSingleton<IVendorAccounts>(sp => sp.GetRequiredService<AtessAccounts>());
        services.AddSingleton<IConnectionSyncer>(sp => sp.GetRequiredService<AtessSyncer>());
        services.AddSingleton<AtessSettingsCache>();
        services.AddSingleton<AtessControl>();
        services.AddSingleton<IControlVendor>(sp => sp.GetRequiredService<AtessControl>());
        services.AddSingleton<IDeviceSettingsReader>(sp => sp.GetRequiredService<AtessControl>());
        services.AddSingleton<AtessSiteOnboarding>();
        services.AddSingleton<ISiteOnboarding>(sp => sp.GetRequiredService<AtessSiteOnboarding>());
        services.AddOptions<RedexOptions>().BindConfiguration(RedexOptions.Section);
        services.AddSingleton<IGenerationRegistry, RedexClient>();
        return services;
    }
}
