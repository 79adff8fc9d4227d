using Microsoft.Playwright;
using SolarDashboard.Testing;

namespace SolarDashboard.E2E;

/// <summary>One app process and one Chromium for the whole test class.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The demo admin: sees every plant, so the monitoring tests use it unless they are about access.</summary>
    public const string Admin = "adam-admin";

    /// <summary>The cookie that remembers the light/dark choice (AppThemes.Cookie).</summary>
    public const string ThemeCookie = "SolarDashboardTheme";

    private readonly Dictionary<string, string> _signedIn = [];

    private IPlaywright? _playwright;

    public AppProcess App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Extra settings for the app under test (a subclass may start the simulation at a chosen instant).</summary>
    protected virtual IDictionary<string, string>? Settings => null;

    /// <summary>Screenshots land here; CI keeps them as artefacts, and a person looks at them.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppProcess.RepositoryRoot(), "artifacts", "screenshots");

    public virtual async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: run ./test.sh, which installs Debian's chromium package.");
        App = await AppProcess.StartAsync(settings: Settings);
        // The overview does not refresh itself yet: wait for the first sync before any page is looked at.
        var admin = await App.AsAsync(Admin);
        await AppProcess.WaitUntilAsync(async () => (await admin.GetStringAsync("/")).Contains("data-connection-state=\"Connected\""),
            TimeSpan.FromSeconds(60), "the demo connection to connect");
        _playwright = await Playwright.CreateAsync();
        // A shared 2-core machine under load can take seconds for a circuit round trip: wait longer than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>
    /// A fresh browser context signed in as <paramref name="user"/> (null: not signed in), optionally dark and at phone size,
    /// collecting console errors. Each user signs in once through the sandbox identity provider's page; later contexts
    /// reuse that session's cookies.
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenAsync(int width = 1280, int height = 900, bool dark = false, string? user = Admin)
    {
        if (user is not null && !_signedIn.ContainsKey(user)) _signedIn[user] = await SignInAsync(user);
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = height },
            StorageState = user is null ? null : _signedIn[user],
        });
        if (dark) await context.AddCookiesAsync([new Cookie { Name = ThemeCookie, Value = "dark", Url = App.BaseAddress.ToString() }]);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"HTTP {r.Status} {r.Url}"); };
        return (context, page, errors);
    }

    /// <summary>The layout marks itself once it renders interactively: buttons now answer clicks.</summary>
    public static async Task WaitForCircuitAsync(IPage page) => await page.Locator(".sd-layout[data-interactive=true]").WaitForAsync();

    /// <summary>
    /// Saves a full-page screenshot in <see cref="ScreenshotDirectory"/> under <paramref name="name"/> (without ".png"), taken
    /// from the top: scrolled down, the fixed app bar would land in the middle of the page.
    /// </summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        // A layout still sliding into place (MudBlazor animates the drawer and the content margin) is not what a person sees.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => !(a instanceof CSSTransition))");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>Fails with the whole text of every console error.</summary>
    public static void AssertNoErrors(List<string> errors) => Assert.True(errors.Count == 0, "console errors:\n" + string.Join("\n", errors));

    /// <summary>Signs in through the real pages: the app sends the browser to the identity provider and back.</summary>
    public async Task<string> SignInAsync(string user)
    {
        await using var context = await Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync("demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseAddress.ToString());
        await page.GetByTestId("signed-in-user").WaitForAsync();
        return await context.StorageStateAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}
