using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using SolarDashboard.Vendors.FusionSolar.Auth;
using SolarDashboard.Vendors.FusionSolar.Wire;

namespace SolarDashboard.Vendors.FusionSolar;

/// <summary>
/// The typed client of the basic APIs (reference 5.1) for one connection. Every failure becomes a
/// <see cref="FusionSolarException"/> with a typed error: failCodes (6.1), 403/429 from a gateway, timeouts, HTML pages and
/// broken JSON. On 305 it asks the authenticator for a fresh session and retries once, never in a loop.
/// </summary>
public sealed class FusionSolarClient(VendorHttp http, Uri baseUrl, INbiAuthenticator auth, TimeProvider time, ILogger logger,
    Action<NbiCallRecord>? onCall = null)
{
    public const int MaxPlantsPerCall = 100;
    public const int MaxDevicesPerCall = 100;
    public const int MaxHistoryDevices = 10;
    public static readonly TimeSpan MaxHistorySpan = TimeSpan.FromDays(3);

    private readonly IFlurlClient _nbi = http.For(FusionSolarHttp.Nbi, baseUrl);

    public async Task<NbiPlantPage> GetPlantsAsync(int pageNo, CancellationToken ct = default)
    {
        var data = KpiValue.Get(await CallAsync("stations", new { pageNo }, ct), "data");
        var list = KpiValue.Get(data, "list");
        var plants = Items(list).Select(p => new NbiPlant(
            KpiValue.Text(KpiValue.Get(p, "plantCode")) ?? "",
            KpiValue.Text(KpiValue.Get(p, "plantName")) ?? "",
            KpiValue.Text(KpiValue.Get(p, "plantAddress")),
            KpiValue.Number(KpiValue.Get(p, "longitude")),
            KpiValue.Number(KpiValue.Get(p, "latitude")),
            KpiValue.Number(KpiValue.Get(p, "capacity")),
            KpiValue.Text(KpiValue.Get(p, "contactPerson")),
            KpiValue.Text(KpiValue.Get(p, "contactMethod")),
            DateTimeOffset.TryParse(KpiValue.Text(KpiValue.Get(p, "gridConnectionDate")), CultureInfo.InvariantCulture, DateTimeStyles.None, out var g) ? g : null))
            .Where(p => p.Code.Length > 0).ToList();
        return new NbiPlantPage(plants,
            (int)(KpiValue.Number(KpiValue.Get(data, "total")) ?? plants.Count),
            (int)(KpiValue.Number(KpiValue.Get(data, "pageNo")) ?? pageNo),
            (int)(KpiValue.Number(KpiValue.Get(data, "pageCount")) ?? 1));
    }

    public async Task<IReadOnlyList<NbiDevice>> GetDevicesAsync(IReadOnlyCollection<string> plantCodes, CancellationToken ct = default)
    {
        Check(plantCodes.Count, MaxPlantsPerCall, "plants");
        var data = KpiValue.Get(await CallAsync("getDevList", new { stationCodes = string.Join(',', plantCodes) }, ct), "data");
        return Items(data).Select(d => new NbiDevice(
            KpiValue.Long(KpiValue.Get(d, "id")) ?? 0,
            KpiValue.Text(KpiValue.Get(d, "devDn")),
            KpiValue.Text(KpiValue.Get(d, "devName")) ?? "",
            KpiValue.Text(KpiValue.Get(d, "stationCode")) ?? "",
            KpiValue.Text(KpiValue.Get(d, "esnCode")),
            // The reference's example spells it "devTypeld" (an extraction artefact of devTypeId); read both.
            (int)(KpiValue.Number(KpiValue.Get(d, "devTypeId")) ?? KpiValue.Number(KpiValue.Get(d, "devTypeld")) ?? 0),
            KpiValue.Text(KpiValue.Get(d, "softwareVersion")),
            KpiValue.Text(KpiValue.Get(d, "invType")),
            (int?)KpiValue.Number(KpiValue.Get(d, "optimizerNumber"))))
            .Where(d => d.Id != 0).ToList();
    }

    public async Task<IReadOnlyList<NbiKpiRow>> GetPlantRealTimeAsync(IReadOnlyCollection<string> plantCodes, CancellationToken ct = default)
    {
        Check(plantCodes.Count, MaxPlantsPerCall, "plants");
        return Rows(await CallAsync("getStationRealKpi", new { stationCodes = string.Join(',', plantCodes) }, ct));
    }

    public async Task<IReadOnlyList<NbiKpiRow>> GetDeviceRealTimeAsync(int devTypeId, IReadOnlyCollection<long> deviceIds, CancellationToken ct = default)
    {
        Check(deviceIds.Count, MaxDevicesPerCall, "devices");
        return Rows(await CallAsync("getDevRealKpi", new { devIds = string.Join(',', deviceIds), devTypeId }, ct));
    }

    public async Task<IReadOnlyList<NbiKpiRow>> GetDeviceHistoryAsync(int devTypeId, IReadOnlyCollection<long> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        Check(deviceIds.Count, MaxHistoryDevices, "devices");
        if (to - from > MaxHistorySpan) throw Invalid("A history request may span at most three days.");
        return Rows(await CallAsync("getDevHistoryKpi", new
        {
            devIds = string.Join(',', deviceIds), devTypeId, startTime = from.ToUnixTimeMilliseconds(), endTime = to.ToUnixTimeMilliseconds(),
        }, ct));
    }

    public async Task<IReadOnlyList<NbiAlarm>> GetActiveAlarmsAsync(IReadOnlyCollection<string> plantCodes, DateTimeOffset from, DateTimeOffset to,
        string language = "en_US", CancellationToken ct = default)
    {
        Check(plantCodes.Count, MaxPlantsPerCall, "plants");
        var data = KpiValue.Get(await CallAsync("getAlarmList", new
        {
            stationCodes = string.Join(',', plantCodes), beginTime = from.ToUnixTimeMilliseconds(), endTime = to.ToUnixTimeMilliseconds(), language,
        }, ct), "data");
        return Items(data).Select(a => new NbiAlarm(
            KpiValue.Text(KpiValue.Get(a, "stationCode")) ?? "",
            KpiValue.Text(KpiValue.Get(a, "stationName")),
            KpiValue.Text(KpiValue.Get(a, "devName")),
            KpiValue.Text(KpiValue.Get(a, "esnCode")),
            (int?)KpiValue.Number(KpiValue.Get(a, "devTypeId")),
            (int)(KpiValue.Number(KpiValue.Get(a, "alarmId")) ?? 0),
            // The reference's table spells it "causeld" (an extraction artefact of causeId); read both.
            (int?)(KpiValue.Number(KpiValue.Get(a, "causeId")) ?? KpiValue.Number(KpiValue.Get(a, "causeld"))),
            KpiValue.Text(KpiValue.Get(a, "alarmName")) ?? "Unnamed alarm",
            KpiValue.Text(KpiValue.Get(a, "alarmCause")),
            KpiValue.Text(KpiValue.Get(a, "repairSuggestion")),
            (int)(KpiValue.Number(KpiValue.Get(a, "lev")) ?? 4),
            (int?)KpiValue.Number(KpiValue.Get(a, "alarmType")),
            DateTimeOffset.FromUnixTimeMilliseconds(KpiValue.Long(KpiValue.Get(a, "raiseTime")) ?? 0)))
            .Where(a => a.StationCode.Length > 0).ToList();
    }

    public async Task<IReadOnlyList<NbiKpiRow>> GetPlantReportAsync(NbiReportPeriod period, IReadOnlyCollection<string> plantCodes, DateTimeOffset collectTime, CancellationToken ct = default)
    {
        Check(plantCodes.Count, MaxPlantsPerCall, "plants");
        var api = period switch
        {
            NbiReportPeriod.Hour => "getKpiStationHour",
            NbiReportPeriod.Day => "getKpiStationDay",
            NbiReportPeriod.Month => "getKpiStationMonth",
            _ => "getKpiStationYear",
        };
        return Rows(await CallAsync(api, new { stationCodes = string.Join(',', plantCodes), collectTime = collectTime.ToUnixTimeMilliseconds() }, ct));
    }

    public async Task<IReadOnlyList<NbiKpiRow>> GetDeviceReportAsync(NbiReportPeriod period, int devTypeId, IReadOnlyCollection<long> deviceIds, DateTimeOffset collectTime, CancellationToken ct = default)
    {
        Check(deviceIds.Count, MaxDevicesPerCall, "devices");
        var api = period switch
        {
            NbiReportPeriod.Day => "getDevKpiDay",
            NbiReportPeriod.Month => "getDevKpiMonth",
            NbiReportPeriod.Year => "getDevKpiYear",
            _ => throw Invalid("Devices have no hourly report."),
        };
        return Rows(await CallAsync(api, new { devIds = string.Join(',', deviceIds), devTypeId, collectTime = collectTime.ToUnixTimeMilliseconds() }, ct));
    }

    /// <summary>Ends the XSRF session at once (reference 3.2.2.2).</summary>
    public async Task LogoutAsync(CancellationToken ct = default)
    {
        var credential = await auth.GetCredentialAsync(ct);
        if (credential.HeaderName != "XSRF-TOKEN") return;
        await CallAsync("logout", new { xsrfToken = credential.HeaderValue }, ct);
    }

    /// <summary>Parses rows of dataItemMap (plant, device, report and history answers alike).</summary>
    internal static IReadOnlyList<NbiKpiRow> Rows(JsonElement answer)
    {
        var answeredAt = KpiValue.Long(KpiValue.Get(KpiValue.Get(answer, "params"), "currentTime")) is { } now ? DateTimeOffset.FromUnixTimeMilliseconds(now) : (DateTimeOffset?)null;
        return Items(KpiValue.Get(answer, "data")).Select(r =>
        {
            var collect = KpiValue.Long(KpiValue.Get(r, "collectTime"));
            return new NbiKpiRow(
                KpiValue.Text(KpiValue.Get(r, "stationCode")),
                KpiValue.Long(KpiValue.Get(r, "devId")) ?? KpiValue.Long(KpiValue.Get(r, "deviceId")),
                KpiValue.Text(KpiValue.Get(r, "sn")),
                collect is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
                KpiValue.Map(KpiValue.Get(r, "dataItemMap")),
                answeredAt);
        }).ToList();
    }

    private static IEnumerable<JsonElement> Items(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object) : [];

    private Task<JsonElement> CallAsync(string api, object body, CancellationToken ct) => CallAsync(api, "thirdData/" + api, body, _ => false, ct);

    /// <summary>
    /// A control API call (reference 5.2). Answers with a failCode of their own (1 partial, 2 failed, 20615 already
    /// running, …) come back as they are for the caller to read per plant; 305 is retried once with a fresh credential (the
    /// vendor did not process the call), 401, 407 and transport failures throw.
    /// </summary>
    public Task<JsonElement> ControlAsync(string api, string path, object body, CancellationToken ct) =>
        CallAsync(api, path, body, failCode => failCode is not (305 or 401 or 407 or 429), ct);

    private async Task<JsonElement> CallAsync(string api, string path, object body, Func<int, bool> answerIsResult, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var credential = await auth.GetCredentialAsync(ct);
            var started = time.GetUtcNow();
            var watch = Stopwatch.StartNew();
            int? status = null;
            try
            {
                var (root, failCode, httpStatus) = await SendAsync(api, path, body, credential, ct);
                status = httpStatus;
                if (failCode == 305 && attempt == 0 && await auth.InvalidateAsync(credential, ct))
                {
                    Record(api, started, watch, false, 305, status, FusionSolarErrorKind.SessionExpired);
                    logger.LogInformation("FusionSolar {Api}: session expired (305); signing in again once", api);
                    continue;
                }
                if (failCode != 0 && !answerIsResult(failCode))
                    throw new FusionSolarException(FusionSolarError.FromFailCode(failCode, api) with { Message = MessageFor(failCode, root) });
                Record(api, started, watch, failCode == 0, failCode, status, null);
                return root.Clone();
            }
            catch (FusionSolarException ex)
            {
                Record(api, started, watch, false, ex.Error.FailCode, ex.Error.HttpStatus ?? status, ex.Error.Kind);
                logger.LogWarning("FusionSolar {Api} failed: {Kind} {FailCode} {Message}", api, ex.Error.Kind, ex.Error.FailCode, ex.Error.Message);
                throw;
            }
            catch (OperationCanceledException)
            {
                // The caller gave up waiting (a control delivery's own deadline): the call still counts against the budget.
                Record(api, started, watch, false, null, status, FusionSolarErrorKind.Unavailable);
                throw;
            }
        }
    }

    private async Task<(JsonElement Root, int FailCode, int Status)> SendAsync(string api, string path, object body, NbiCredential credential, CancellationToken ct)
    {
        var (status, text, _) = await FusionSolarHttp.SendAsync(t => _nbi.Request(path)
            .WithHeader(credential.HeaderName, credential.HeaderValue).PostJsonAsync(body, cancellationToken: t), api, "FusionSolar", ct);
        if (status is 403 or 429)
            throw Failure(FusionSolarErrorKind.GatewayThrottled, api, $"FusionSolar's gateway is throttling (HTTP {status}); waiting before calling again.", status);
        if (status is < 200 or > 299)
            throw Failure(FusionSolarErrorKind.Unavailable, api, $"FusionSolar answered HTTP {status}{(LooksLikeHtml(text) ? " with an error page" : "")}.", status);
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            throw Failure(FusionSolarErrorKind.Unavailable, api, LooksLikeHtml(text)
                ? "FusionSolar answered with a web page instead of data."
                : "FusionSolar's answer was cut off or is not valid JSON.", status);
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw Failure(FusionSolarErrorKind.Unavailable, api, "FusionSolar's answer has an unexpected shape.", status);
        var failCode = (int)(KpiValue.Number(KpiValue.Get(root, "failCode")) ?? (KpiValue.Get(root, "success").ValueKind == JsonValueKind.True ? 0 : -1));
        return (root, failCode, status);
    }

    /// <summary>The documented text, plus the vendor's own message when it adds something (407 text may sit in data).</summary>
    private static string MessageFor(int failCode, JsonElement root)
    {
        var (_, message) = FailCodes.Describe(failCode);
        var vendor = KpiValue.Text(KpiValue.Get(root, "message"));
        return string.IsNullOrWhiteSpace(vendor) || message.Contains(vendor, StringComparison.OrdinalIgnoreCase) ? message : $"{message} ({vendor})";
    }

    private void Record(string api, DateTimeOffset at, Stopwatch watch, bool ok, int? failCode, int? status, FusionSolarErrorKind? kind) =>
        onCall?.Invoke(new NbiCallRecord(api, at, watch.Elapsed, ok, failCode, status, kind));

    private static bool LooksLikeHtml(string text) => text.TrimStart().StartsWith('<');

    private static FusionSolarException Failure(FusionSolarErrorKind kind, string api, string message, int? status = null) =>
        new(new FusionSolarError(kind, message, HttpStatus: status, Api: api));

    private static FusionSolarException Invalid(string message) => new(new FusionSolarError(FusionSolarErrorKind.InvalidRequest, message));

    private static void Check(int count, int max, string what)
    {
        if (count == 0) throw Invalid($"No {what} to ask for.");
        if (count > max) throw Invalid($"At most {max} {what} per call (reference 5.1).");
    }
}
