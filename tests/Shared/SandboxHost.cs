using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Flurl.Http.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.Simulation;

namespace SolarDashboard.Testing;

/// <summary>The sandbox served in memory, on a manual clock, with helpers to call it like a vendor client would.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    /// <summary>A summer morning in Europe (10:00 UTC), so plants in Berlin produce and plants in Sydney are dark.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 6, 17, 10, 0, 0, TimeSpan.Zero);

    public const string Nbi = "/sandbox/fusionsolar";
    public const string OAuth = "/sandbox/fusionsolar-oauth";

    private readonly WebApplication _app;
    private readonly DirectoryInfo _stateDirectory;

    private SandboxHost(WebApplication app, FakeTimeProvider time, DirectoryInfo stateDirectory)
    {
        _app = app;
        _stateDirectory = stateDirectory;
        Time = time;
        Client = app.GetTestClient();
        Client.BaseAddress = new Uri("http://localhost");
    }

    public HttpClient Client { get; }

    /// <summary>An HTTP handler into the in-memory sandbox, for clients under test.</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    /// <summary>
    /// A Flurl client cache whose every client sends its requests to the in-memory sandbox, over HTTP;
    /// <paramref name="onRequest"/> sees each request first (tests that check what a sync asked for).
    /// </summary>
    public IFlurlClientCache CreateClientCache(Action<HttpRequestMessage>? onRequest = null) =>
        new FlurlClientCache().WithDefaults(b => b.AddMiddleware(() => new ToSandbox(CreateHandler(), onRequest)));

    /// <summary>Flurl's client builder takes middleware, not a primary handler: this one sends to the sandbox instead of the network.</summary>
    private sealed class ToSandbox(HttpMessageHandler sandbox, Action<HttpRequestMessage>? onRequest) : DelegatingHandler
    {
        private readonly HttpMessageInvoker _sandbox = new(sandbox);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onRequest?.Invoke(request);
            return _sandbox.SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _sandbox.Dispose();
            base.Dispose(disposing);
        }
    }

    public static readonly Uri NbiBase = new("http://localhost/sandbox/fusionsolar/");
    public FakeTimeProvider Time { get; }
    public SandboxWorld World => _app.Services.GetRequiredService<SandboxWorld>();
    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<SandboxHost> StartAsync(Action<SandboxOptions>? configure = null, DateTimeOffset? start = null)
    {
        var time = new FakeTimeProvider(start ?? DefaultStart);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        // Sandboxes of parallel tests must not share OAuth consents: each keeps them in a file of its own, unless the
        // test points it elsewhere (a restart on the same file).
        var state = Directory.CreateTempSubdirectory("sd-sandbox-");
        builder.Services.AddSandbox(new ConfigurationBuilder().Build(), o =>
        {
            o.OAuth.StateFile = Path.Combine(state.FullName, "sandbox-oauth-state.json");
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync();
        return new SandboxHost(app, time, state);
    }

    public async Task<string> LoginAsync(string user = "demo-installer", string password = "demo-installer-2024")
    {
        var response = await Client.PostAsync(Nbi + "/thirdData/login", Json($$"""{"userName":"{{user}}","systemCode":"{{password}}"}"""));
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("xsrf-token").Single();
    }

    /// <summary>POSTs a JSON body with an XSRF token (API account) or a bearer token (OAuth) and parses the answer.</summary>
    public async Task<JsonObject> PostAsync(string path, string body, string? xsrf = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, (path.StartsWith('/') ? "" : Nbi + "/") + path) { Content = Json(body) };
        if (xsrf is not null) request.Headers.Add("XSRF-TOKEN", xsrf);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Runs the whole owner consent (authorize page, sign-in, code exchange) and returns the token answer.</summary>
    public async Task<JsonObject> ConsentAsync(string owner = "owner-anna", string scope = "pvms.openapi.basic pvms.openapi.control")
    {
        const string redirect = "http://localhost:5080/connections/fusionsolar/callback";
        var form = new FormUrlEncodedContent(
        [
            new("client_id", "123456789"), new("redirect_uri", redirect), new("state", "s1"), new("requested_scope", scope),
            new("username", owner), new("password", "demo"), new("decision", "allow"),
            .. scope.Split(' ').Select(s => new KeyValuePair<string, string>("scope", s)),
        ]);
        var decision = await Client.PostAsync(OAuth + "/rest/dp/uidm/oauth2/v1/authorize", form);
        var location = decision.Headers.Location!.OriginalString;
        var code = Uri.UnescapeDataString(location.Split("code=")[1].Split('&')[0]);
        var token = await Client.PostAsync(OAuth + "/rest/dp/uidm/oauth2/v1/token", new FormUrlEncodedContent(
        [
            new("grant_type", "authorization_code"), new("code", code), new("client_id", "123456789"),
            new("client_secret", "demo-client-secret"), new("redirect_uri", redirect),
        ]));
        token.EnsureSuccessStatusCode();
        return JsonNode.Parse(await token.Content.ReadAsStringAsync())!.AsObject();
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public const string Atess = "/sandbox/atess/api/v1";
    public const string AtessAccount = "demo-atess";
    public const string AtessKey = "demo-atess-key";

    /// <summary>The ATESS Authorization header value: Basic base64(accountId:apiKey).</summary>
    public static string AtessBasic(string account = AtessAccount, string key = AtessKey) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(account + ":" + key));

    /// <summary>A query string with each value escaped (ATESS dates contain a space).</summary>
    public static string Query(params (string Key, object Value)[] pairs) =>
        "?" + string.Join('&', pairs.Select(p => p.Key + "=" + Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")));

    /// <summary>Calls the ATESS OpenAPI as a client would (Basic auth, Accept-Language) and returns the raw answer.</summary>
    public async Task<HttpResponseMessage> AtessRawAsync(HttpMethod method, string pathAndQuery, string? body = null,
        string? authorization = null, string language = "en")
    {
        using var request = new HttpRequestMessage(method, Atess + pathAndQuery);
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? AtessBasic());
        if (language.Length > 0) request.Headers.TryAddWithoutValidation("Accept-Language", language);
        if (body is not null) request.Content = Json(body);
        return await Client.SendAsync(request);
    }

    /// <summary>Calls the ATESS OpenAPI and parses its <c>{code, data, msg}</c> answer.</summary>
    public async Task<JsonObject> AtessAsync(HttpMethod method, string pathAndQuery, string? body = null, string? authorization = null, string language = "en")
    {
        using var response = await AtessRawAsync(method, pathAndQuery, body, authorization, language);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public Task<JsonObject> AtessGetAsync(string pathAndQuery, string? authorization = null) => AtessAsync(HttpMethod.Get, pathAndQuery, null, authorization);

    /// <summary>The sandbox's ATESS fleet (plants, datalogs, device serials, spare datalogs) from its admin endpoint.</summary>
    public async Task<JsonObject> AtessFleetAsync() =>
        JsonNode.Parse(await Client.GetStringAsync("/sandbox/admin/atess/fleet"))!.AsObject();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        _stateDirectory.Delete(recursive: true);
    }
}
