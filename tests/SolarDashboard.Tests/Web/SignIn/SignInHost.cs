using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SolarDashboard.Authentication;
using SolarDashboard.Core;

namespace SolarDashboard.Tests.Web.SignIn;

/// <summary>
/// The app's own sign-in (<c>AddSignIn()</c>, the account endpoints, Core's user directory on a real SQLite file) in
/// memory, pointed at a <see cref="TestIdentityProvider"/>, on a pinned clock. A browser is played by an HTTP client
/// that keeps cookies and stops at every redirect.
/// </summary>
public sealed class SignInHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dir;

    private readonly List<string> _log;

    private SignInHost(WebApplication app, string dir, FakeTimeProvider time, List<string> log)
    {
        _app = app;
        _dir = dir;
        _log = log;
        Time = time;
        Browser = NewBrowser();
    }

    public FakeTimeProvider Time { get; }

    /// <summary>A browser with its own cookie jar.</summary>
    public Browser Browser { get; }

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<SignInHost> StartAsync(TestIdentityProvider provider, DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var dir = Directory.CreateTempSubdirectory("sd-signin-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = dir });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var log = new List<string>();
        builder.Logging.AddProvider(new ListLoggerProvider(log));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = TestIdentityProvider.Issuer,
            ["Authentication:Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Authentication:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Authentication:Oidc:RoleClaim"] = "roles",
            ["SolarDashboard:DataDirectory"] = dir,
            ["SolarDashboard:Sync:Enabled"] = "false",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var time = new FakeTimeProvider(now);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSolarDashboardCore(builder.Configuration, dir);
        builder.Services.AddSignIn();
        builder.Services.AddAntiforgery();
        builder.Services.AddHttpClient(AuthenticationSetup.HttpClientName).ConfigurePrimaryHttpMessageHandler(provider.CreateHandler);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapAccountEndpoints();
        // What the signed-in user is, as a page would see it.
        app.MapGet("/me", (ClaimsPrincipal user) => $"{user.Identity!.Name}|{string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order())}");
        await app.StartAsync();
        return new SignInHost(app, dir, time, log);
    }

    /// <summary>Every log line so far, as "category|level|message exception".</summary>
    public IReadOnlyList<string> LogLines { get { lock (_log) return [.. _log]; } }

    public Browser NewBrowser() => new(_app.GetTestServer().CreateHandler());

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    private sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, lines);

        public void Dispose() { }
    }

    private sealed class ListLogger(string category, List<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (lines) lines.Add($"{category}|{logLevel}|{formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
        }
    }
}
