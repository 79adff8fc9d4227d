namespace SolarDashboard.Sandbox.Redex;

/// <summary>Routes of the REDEX registry, relative to its base URL (<c>{app}/sandbox/redex/</c>).</summary>
public static class RedexEndpoints
{
    /// <summary>The reference's spelling of the generation-data path.</summary>
    public const string ReferencePath = "generation-data";

    /// <summary>The newer documentation's spelling (field notes); the status query only exists under it.</summary>
    public const string NewerPath = "generation-datas";

    public static void Map(RouteGroupBuilder redex)
    {
        redex.MapPost("/public/v2/connect/token", (HttpContext http, RedexApi api) => api.Token(http));
        redex.MapPost("/public/v2/connect/token/refresh", (HttpContext http, RedexApi api) => api.Refresh(http));
        redex.MapPost($"/public/v2/{ReferencePath}", (HttpContext http, RedexApi api) => api.Submit(http, ReferencePath));
        redex.MapPost($"/public/v2/{NewerPath}", (HttpContext http, RedexApi api) => api.Submit(http, NewerPath));
        redex.MapGet($"/public/v2/{NewerPath}/statuses", (HttpContext http, RedexApi api) => api.Status(http));
    }
}
