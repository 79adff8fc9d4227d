using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SolarDashboard.Testing;

/// <summary>
/// Bounded loopback load on the real app (the built app in demo mode, Kestrel on a loopback port, as a newcomer runs it):
/// N signed-in sessions (each its own sign-in through the sandbox identity provider and its own connection) issue
/// GET /plants back to back for S seconds, while C Blazor circuits (Chromium pages on /plants) stay live. Reports
/// latency percentiles, requests, errors, and the app's working-set growth per circuit.
/// </summary>
internal static class Load
{
    private const string User = "adam-admin"; // the demo admin sees every plant: the largest /plants there is
    private const string Chromium = "/usr/bin/chromium";
    private const double TargetP95Ms = 500;

    public static async Task RunAsync()
    {
        var (clients, seconds, circuits) = (Bench.Options.Clients, Bench.Options.Seconds, Bench.Options.Circuits);
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: ./test.sh installs it (Debian package chromium).");
        var watch = Stopwatch.StartNew();
        await using var app = await AppProcess.StartAsync();
        var probe = await BrowserlessSession.SignInAsync(app.BaseAddress, User);
        await AppProcess.WaitUntilAsync(async () => Lists(await probe.Client.GetStringAsync("/plants")), TimeSpan.FromSeconds(120), "the demo plants to be listed");
        var plants = PlantCount(await probe.Client.GetStringAsync("/plants"));
        Console.WriteLine($"app up, /plants lists {plants} plants, in {watch.Elapsed.TotalSeconds:0.0} s");
        if (!Bench.Smoke)
        {
            // The demo's first sync backfills history for a few minutes: measure the app in its steady state, not that.
            watch.Restart();
            var idle = await SettleAsync(app.ProcessId, TimeSpan.FromMinutes(5));
            plants = PlantCount(await probe.Client.GetStringAsync("/plants"));
            Console.WriteLine($"app settled in {watch.Elapsed.TotalSeconds:0} s (its own CPU use {idle:0.00} of a core); /plants lists {plants} plants");
        }

        watch.Restart();
        var sessions = new List<BrowserlessSession>();
        for (var i = 0; i < clients + circuits; i++) sessions.Add(await BrowserlessSession.SignInAsync(app.BaseAddress, User));
        Console.WriteLine($"signed in {sessions.Count} sessions in {watch.Elapsed.TotalSeconds:0.0} s");
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            // One circuit opened and closed first: the app's first circuit also pays for code loaded once.
            await using (var warm = await OpenCircuitAsync(browser, app, probe)) { }
            await Task.Delay(1000);
            var before = WorkingSetMb(app.ProcessId);
            watch.Restart();
            var pages = new List<IBrowserContext>();
            foreach (var batch in sessions.Skip(clients).Chunk(4)) pages.AddRange(await Task.WhenAll(batch.Select(s => OpenCircuitAsync(browser, app, s))));
            await Task.Delay(2000);
            var after = WorkingSetMb(app.ProcessId);
            var perCircuit = circuits == 0 ? 0 : (after - before) / circuits;
            Console.WriteLine($"{circuits} circuits live in {watch.Elapsed.TotalSeconds:0.0} s; app working set {before:0} MB before, {after:0} MB after: {perCircuit:0.00} MB per circuit");

            Console.WriteLine($"load: {clients} clients, GET /plants back to back for {seconds} s …");
            // Each client's first request (its connection, the app's threads growing to the load) is warm-up, not measured.
            var warmup = await Task.WhenAll(sessions.Take(clients).Select(s => ClientAsync(s.Client, TimeSpan.Zero, Stopwatch.StartNew())));
            Console.WriteLine($"warm-up: one request per client, slowest {warmup.Max(r => r.Samples.Max(x => x.Ms)):0} ms");
            var cpuBefore = CpuTime(app.ProcessId);
            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(sessions.Take(clients).Select(s => ClientAsync(s.Client, TimeSpan.FromSeconds(seconds), clock)));
            var appCpu = CpuTime(app.ProcessId) - cpuBefore;
            var samples = results.SelectMany(r => r.Samples).ToList();
            foreach (var window in samples.GroupBy(x => (int)(x.StartedS / 5)).OrderBy(g => g.Key))
            {
                var ms = window.Select(x => x.Ms).Order().ToList();
                Console.WriteLine($"  {window.Key * 5,3}-{window.Key * 5 + 5,3} s: {ms.Count,5} requests, p50 {Percentile(ms, 0.5),6:0} ms, p95 {Percentile(ms, 0.95),6:0} ms");
            }
            var latencies = samples.Select(x => x.Ms).ToList();
            var errors = results.Sum(r => r.Errors) + warmup.Sum(r => r.Errors);
            var peak = WorkingSetMb(app.ProcessId);

            var alive = 0;
            foreach (var context in pages) alive += await StillLiveAsync(context.Pages[0]) ? 1 : 0;
            foreach (var context in pages) await context.DisposeAsync();

            latencies.Sort();
            var (p50, p95, max) = (Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies.Count == 0 ? double.NaN : latencies[^1]);
            // The app's own CPU per request is what a faster page changes; the latencies also carry whatever else the machine runs.
            var cpuPerRequest = latencies.Count == 0 ? double.NaN : appCpu.TotalMilliseconds / latencies.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{latencies.Count} requests ({latencies.Count / (double)seconds:0.0}/s), {errors} errors; latency p50 {p50:0.0} ms, p95 {p95:0.0} ms, max {max:0.0} ms; app working set after the load {peak:0} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"app CPU {cpuPerRequest:0.0} ms per request (circuits and sync included): {Environment.ProcessorCount} cores alone would serve at most {Environment.ProcessorCount * 1000 / cpuPerRequest:0} requests/s"));
            Bench.Check(plants > 0, "/plants lists the demo plants");
            Bench.Check(latencies.Count > 0, "requests were made");
            Bench.Check(errors == 0, $"no request failed ({errors} errors: not 200 or not the plant list)");
            Bench.Check(alive == circuits, $"every circuit still answers after the load ({alive} of {circuits})");
            if (clients == 50) Bench.Target("p95_ms at 50 clients", p95, "<=", TargetP95Ms);
            else Console.WriteLine($"target p95_ms <= {TargetP95Ms} applies at 50 clients (this run: {clients}): not judged");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT load clients={clients} seconds={seconds} circuits={circuits} requests={latencies.Count} errors={errors} p50_ms={p50:0.0} p95_ms={p95:0.0} max_ms={max:0.0} cpu_ms_per_request={cpuPerRequest:0.0} mb_per_circuit={perCircuit:0.00}"));
        }
        finally
        {
            foreach (var session in sessions) session.Dispose();
            probe.Dispose();
        }
    }

    /// <summary>The fleet totals' plant count (the grid's rows come with the circuit, not in the prerendered page).</summary>
    private static int PlantCount(string html) =>
        Regex.Match(html, "sd-kpi-label\">Plants</div>\\s*<div class=\"sd-kpi-value\">(\\d+)<") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>The plant list, not an empty state or an error page.</summary>
    private static bool Lists(string html) => html.Contains("data-testid=\"fleet-totals\"", StringComparison.Ordinal);

    private sealed record Sample(double StartedS, double Ms);

    private sealed record ClientResult(List<Sample> Samples, int Errors);

    /// <summary>GET /plants back to back until <paramref name="duration"/> has passed on <paramref name="clock"/> (at least once).</summary>
    private static async Task<ClientResult> ClientAsync(HttpClient client, TimeSpan duration, Stopwatch clock)
    {
        var samples = new List<Sample>();
        var errors = 0;
        do
        {
            var startedS = clock.Elapsed.TotalSeconds;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync("/plants");
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || !Lists(html)) errors++;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                errors++;
            }
            samples.Add(new Sample(startedS, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        while (clock.Elapsed < duration);
        return new ClientResult(samples, errors);
    }

    /// <summary>A Chromium page on /plants with the session's sign-in cookies, once its circuit is interactive.</summary>
    private static async Task<IBrowserContext> OpenCircuitAsync(IBrowser browser, AppProcess app, BrowserlessSession session)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        await context.AddCookiesAsync(session.Cookies.GetCookies(app.BaseAddress).Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Url = app.BaseAddress.ToString() }));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/plants");
        await page.Locator(".sd-layout[data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
        return context;
    }

    /// <summary>The circuit still renders on input: a search that matches nothing empties the grid.</summary>
    private static async Task<bool> StillLiveAsync(IPage page)
    {
        try
        {
            await page.GetByPlaceholder("Name or address").FillAsync("no such plant");
            await page.GetByText("No plant matches the filters.").WaitForAsync(new() { Timeout = 30_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Waits until the app uses under a tenth of a core over 5 s; returns the last share measured.</summary>
    private static async Task<double> SettleAsync(int pid, TimeSpan timeout)
    {
        using var process = Process.GetProcessById(pid);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            process.Refresh();
            var (cpu, wall) = (process.TotalProcessorTime, clock.Elapsed);
            await Task.Delay(5000);
            process.Refresh();
            var share = (process.TotalProcessorTime - cpu) / (clock.Elapsed - wall);
            if (share < 0.1 || clock.Elapsed > timeout) return share;
        }
    }

    private static TimeSpan CpuTime(int pid)
    {
        using var process = Process.GetProcessById(pid);
        return process.TotalProcessorTime;
    }

    private static double WorkingSetMb(int pid)
    {
        using var process = Process.GetProcessById(pid);
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
