using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flurl.Http;
using Microsoft.Extensions.Options;
using SolarDashboard.Core.Redex;

namespace SolarDashboard.Vendors.Redex;

/// <summary>
/// The REDEX wire (reference "Send Generation Data" and the field notes): token and refresh, generation data (always
/// 3 decimals, at most 3,000 records, Daily) and the status query by process id. Every answer is the envelope
/// <c>{Data, StatusCode, Message}</c>; each failure becomes one typed <see cref="RegistryException"/> here.
/// </summary>
public sealed class RedexClient(VendorHttp http, IOptions<RedexOptions> options, TimeProvider time) : IGenerationRegistry
{
    public IReadOnlyList<string> DocumentedHosts => [new Uri(options.Value.DefaultBaseUrl).Host];

    public const string Name = "REDEX";

    /// <summary>Field notes: refresh tokens live 30 days (the token answer only says how long the access token lives).</summary>
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

    public int MaxRecordsPerRequest => 3000;
    public int MaxRequestsPerMinute => 60;

    private RedexOptions Options => options.Value;

    public async Task<RegistryTokens> TokenAsync(RegistryCredentials credentials, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["GrantType"] = "api_key", ["ApiKey"] = credentials.ApiKey, ["ClientId"] = credentials.ClientId, ["ClientSecret"] = credentials.ClientSecret,
        };
        return Tokens(await PostAsync(credentials.BaseUrl, Options.TokenPath, body, null, ct));
    }

    public async Task<RegistryTokens> RefreshAsync(Uri baseUrl, string clientId, string refreshToken, CancellationToken ct = default)
    {
        var body = new JsonObject { ["GrantType"] = "refresh_token", ["RefreshToken"] = refreshToken, ["ClientId"] = clientId };
        return Tokens(await PostAsync(baseUrl, Options.RefreshPath, body, null, ct));
    }

    public async Task<string> SendAsync(Uri baseUrl, string accessToken, string remoteInvId, IReadOnlyList<GenerationRecord> days, CancellationToken ct = default)
    {
        if (days.Count is 0 || days.Count > MaxRecordsPerRequest)
            throw new ArgumentOutOfRangeException(nameof(days), days.Count, $"A request carries 1 to {MaxRecordsPerRequest} records.");
        var data = await PostAsync(baseUrl, Options.GenerationPath, Body(remoteInvId, days, Options.AccumulatedField), accessToken, ct);
        return Text(data, "ProcessId") ?? throw new RegistryException(RegistryErrorKind.Malformed, "REDEX accepted the data but sent no ProcessId.", 200);
    }

    public async Task<RegistryProcess> StatusAsync(Uri baseUrl, string accessToken, string processId, CancellationToken ct = default)
    {
        var data = await CallAsync(baseUrl, c => c.Request(Options.StatusPath).SetQueryParam("ProcessId", processId).WithOAuthBearerToken(accessToken).GetAsync(cancellationToken: ct), ct);
        var status = Text(data, "Status") ?? throw new RegistryException(RegistryErrorKind.Malformed, "The status answer has no Status.", 200);
        return new RegistryProcess(Text(data, "ProcessId") ?? processId, status, Text(data, "Reason"));
    }

    /// <summary>The request body: the reference's member names, the accumulated value under the configured name.</summary>
    public static JsonObject Body(string remoteInvId, IEnumerable<GenerationRecord> days, string accumulatedField = "AccumulatedPowerInKWh") => new()
    {
        ["Data"] = new JsonArray(days.Select(d => (JsonNode)new JsonObject
        {
            ["Timestamp"] = d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PeriodProductionInKWh"] = Three(d.PeriodKwh),
            [accumulatedField] = Three(d.AccumulatedKwh),
        }).ToArray()),
        ["FrequencyType"] = "Daily",
        ["RemoteInvId"] = remoteInvId,
    };

    /// <summary>A kWh text as REDEX takes it: a dot and exactly 3 decimals (it refuses more since 2024; the reference's example shows four).</summary>
    public static string Three(string kwh) =>
        decimal.TryParse(kwh, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)
            ? Math.Round(v, 3, MidpointRounding.AwayFromZero).ToString("0.000", CultureInfo.InvariantCulture)
            : throw new ArgumentException($"\"{kwh}\" is not a non-negative kWh value.", nameof(kwh));

    private Task<JsonNode?> PostAsync(Uri baseUrl, string path, JsonObject body, string? bearer, CancellationToken ct) =>
        CallAsync(baseUrl, c =>
        {
            var request = c.Request(path);
            if (bearer is not null) request.WithOAuthBearerToken(bearer);
            return request.PostStringAsync(body.ToJsonString(), cancellationToken: ct);
        }, ct, body: true);

    private async Task<JsonNode?> CallAsync(Uri baseUrl, Func<IFlurlClient, Task<IFlurlResponse>> send, CancellationToken ct, bool body = false)
    {
        int status;
        string text;
        string? retryAfter;
        try
        {
            var client = http.For(Name, baseUrl);
            using var response = await send(client);
            status = response.StatusCode;
            text = await response.GetStringAsync();
            response.Headers.TryGetFirst("Retry-After", out retryAfter);
        }
        catch (FlurlHttpTimeoutException ex)
        {
            throw new RegistryException(RegistryErrorKind.NoAnswer, "REDEX did not answer in time.", inner: ex);
        }
        catch (FlurlHttpException ex) when (ex.InnerException is OperationCanceledException && ct.IsCancellationRequested)
        {
            throw new OperationCanceledException("The caller stopped waiting for REDEX.", ex, ct);
        }
        catch (FlurlHttpException ex)
        {
            throw new RegistryException(RegistryErrorKind.NoAnswer, $"REDEX could not be reached ({(ex.InnerException ?? ex).Message.TrimEnd('.')}).", inner: ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new RegistryException(RegistryErrorKind.NoAnswer, $"REDEX dropped the connection before answering ({ex.Message.TrimEnd('.')}).", inner: ex);
        }
        return Read(status, text, retryAfter, time);
    }

    /// <summary>An answer's <c>Data</c> when it is a success; else the typed failure.</summary>
    public static JsonNode? Read(int status, string text, string? retryAfter, TimeProvider? time = null)
    {
        JsonObject? envelope = null;
        try { envelope = JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { }
        if (envelope is null)
        {
            var kind = status >= 500 || text.TrimStart().StartsWith('<') ? RegistryErrorKind.Gateway : KindOf(status);
            throw new RegistryException(kind, $"REDEX answered HTTP {status} without its JSON envelope.", status);
        }
        var message = Text(envelope, "Message") ?? $"HTTP {status}";
        if (status is >= 200 and < 300 && envelope["StatusCode"]?.GetValueKind() is JsonValueKind.Number && envelope["StatusCode"]!.GetValue<int>() is 200 or 201)
            return envelope["Data"];
        var errors = (envelope["Errors"] as JsonArray ?? [])
            .Select(e => e is JsonObject o ? $"{Text(o, "Key")}: {Text(o, "Message")}" : e?.ToJsonString() ?? "")
            .ToList();
        var code = envelope["StatusCode"]?.GetValueKind() is JsonValueKind.Number ? envelope["StatusCode"]!.GetValue<int>() : status;
        throw new RegistryException(KindOf(code), message, code, errors, RetryAfterOf(retryAfter, time), inEnvelope: true);
    }

    private static RegistryErrorKind KindOf(int status) => status switch
    {
        400 => RegistryErrorKind.BadRequest,
        401 => RegistryErrorKind.Unauthorized,
        403 => RegistryErrorKind.Forbidden,
        404 => RegistryErrorKind.NotFound,
        422 => RegistryErrorKind.Unprocessable,
        429 => RegistryErrorKind.TooManyRequests,
        >= 500 => RegistryErrorKind.Gateway,
        _ => RegistryErrorKind.Malformed,
    };

    private static TimeSpan? RetryAfterOf(string? header, TimeProvider? time)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        if (int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(header, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && time is not null
            ? at - time.GetUtcNow() : null;
    }

    private RegistryTokens Tokens(JsonNode? data)
    {
        var access = Text(data, "AccessToken");
        var refresh = Text(data, "RefreshToken");
        if (access is null || refresh is null) throw new RegistryException(RegistryErrorKind.Malformed, "The token answer has no AccessToken or RefreshToken.", 200);
        var expiresIn = data?["ExpiresIn"] is JsonValue v && v.TryGetValue<int>(out var s) ? s : 3600;
        var now = time.GetUtcNow();
        return new RegistryTokens(access, now.AddSeconds(expiresIn), refresh, now + RefreshLifetime);
    }

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString() : null;
}
