namespace SolarDashboard.Components.Layout;

/// <summary>
/// The light/dark choice of one circuit (or one prerendered request). It starts from the cookie, which the server reads
/// before the first paint (so the prerender is already in the right theme), and tells the layout and the charts when it
/// changes.
/// </summary>
public sealed class ThemeState
{
    public bool IsDark { get; private set; }

    public event Action? Changed;

    public void Set(bool dark)
    {
        if (dark == IsDark) return;
        IsDark = dark;
        Changed?.Invoke();
    }
}
