using Microsoft.Extensions.DependencyInjection;
using SolarDashboard.Vendors.FusionSolar;

namespace SolarDashboard.Vendors;

public static class VendorsServiceCollectionExtensions
{
    /// <summary>Typed vendor clients.</summary>
    public static IServiceCollection AddSolarDashboardVendors(this IServiceCollection services)
    {
        services.AddHttpClient<FusionSolarLoginClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
