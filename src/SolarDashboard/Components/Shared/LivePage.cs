using Microsoft.AspNetCore.Components;
using SolarDashboard.Authentication;
using SolarDashboard.Core.Ingest;
using SolarDashboard.Core.Users;

namespace SolarDashboard.Components.Shared;

/// <summary>
/// A page that reloads when the sync stores new data: it subscribes to <see cref="CacheNotifier"/> (no polling) and
/// reloads at most every two seconds, on its own render context. Each load first reads who is asking, so every query is
/// cut to the plants this user may see, live updates included.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(2);
    private DateTimeOffset _lastReload = DateTimeOffset.MinValue;
    private int _pending;

    [Inject] private CacheNotifier Notifier { get; set; } = null!;
    [Inject] protected TimeProvider Time { get; set; } = null!;
    [Inject] private CurrentUser CurrentUser { get; set; } = null!;

    /// <summary>The signed-in user's access, read again before every load.</summary>
    protected UserAccess User { get; private set; } = UserAccess.Nobody;

    protected string? LoadError { get; private set; }
    protected bool Loaded { get; private set; }

    protected abstract Task LoadAsync();

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive) Notifier.CacheChanged += OnCacheChanged;
    }

    protected override Task OnParametersSetAsync() => ReloadAsync();

    protected async Task ReloadAsync()
    {
        try
        {
            // A prerender's page and layout share one read of the user; a circuit reads it again for every load.
            User = RendererInfo.IsInteractive ? await CurrentUser.GetAsync() : await CurrentUser.GetForRequestAsync();
            await LoadAsync();
            LoadError = null;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            LoadError = "The local cache could not be read. The page keeps its last data and tries again with the next update.";
        }
        Loaded = true;
        _lastReload = Time.GetUtcNow();
    }

    private void OnCacheChanged()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = InvokeAsync(async () =>
        {
            var wait = _lastReload + MinimumGap - Time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            Interlocked.Exchange(ref _pending, 0);
            await ReloadAsync();
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        Notifier.CacheChanged -= OnCacheChanged;
        GC.SuppressFinalize(this);
    }
}
