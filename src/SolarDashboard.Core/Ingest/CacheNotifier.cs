namespace SolarDashboard.Core.Ingest;

/// <summary>
/// Tells open pages that the cache has new data, so they refresh without polling. Listeners are called on the writer's
/// thread and must hand over to their own context (Blazor: InvokeAsync(StateHasChanged)).
/// </summary>
public sealed class CacheNotifier
{
    public event Action? CacheChanged;

    public void Changed() => CacheChanged?.Invoke();
}
