using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SolarDashboard.Testing;

/// <summary>
/// The dashboard as a newcomer runs it: the built app in Development (demo mode, in-process sandbox), listening on a
/// free loopback port given with --urls, with its own data folder. Shared by the integration and end-to-end tests.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    }

    private readonly Dictionary<string, BrowserlessSession> _sessions = [];

    public Uri BaseAddress { get; }

    /// <summary>The app's process id (the load benchmark reads its memory).</summary>
    public int ProcessId => _process.Id;
    public string DataDirectory { get; }
    public HttpClient Client { get; }

    /// <summary>Moves the sandbox's simulated clock on (the app and its sandboxes share it).</summary>
    public async Task AdvanceClockAsync(int minutes)
    {
        using var response = await Client.PostAsync($"sandbox/admin/clock/advance?minutes={minutes}", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Everything the app wrote to stdout and stderr so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SolarDashboard.sln"))) return dir.FullName;
        throw new InvalidOperationException("SolarDashboard.sln not found above " + AppContext.BaseDirectory);
    }

    public static async Task<AppProcess> StartAsync(string? dataDirectory = null, IDictionary<string, string>? settings = null)
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var appDir = Path.Combine(root, "src", "SolarDashboard", "bin", configuration, "net10.0");
        var exe = Path.Combine(appDir, "SolarDashboard");
        var port = FreePort();
        dataDirectory ??= Directory.CreateTempSubdirectory("sd-app-").FullName;
        var info = new ProcessStartInfo(exe)
        {
            WorkingDirectory = Path.Combine(root, "src", "SolarDashboard"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--urls", $"http://127.0.0.1:{port}", "--contentRoot", Path.Combine(root, "src", "SolarDashboard"), $"--SolarDashboard:DataDirectory={dataDirectory}" })
            info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        // The simulated world starts at a pinned instant unless the test chose its own.
        info.Environment["Sandbox__StartTime"] = TestClock.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException("The app did not start.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"), dataDirectory);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (app._output) app._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (app._output) app._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{app.Output}");
            try
            {
                using var health = await app.Client.GetAsync("health");
                if (health.StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        await app.DisposeAsync();
        throw new TimeoutException($"The app did not become healthy:\n{app.Output}");
    }

    /// <summary>An HTTP client signed in as a sandbox identity provider user (one session per user, made on first use).</summary>
    public async Task<HttpClient> AsAsync(string user)
    {
        if (!_sessions.TryGetValue(user, out var session))
            _sessions[user] = session = await BrowserlessSession.SignInAsync(BaseAddress, user);
        return session.Client;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling every 250 ms.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(250);
        }
        throw new TimeoutException("Timed out waiting for " + what);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var session in _sessions.Values) session.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
