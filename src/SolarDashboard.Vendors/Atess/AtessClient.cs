using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using SolarDashboard.Vendors.Atess.Wire;
using SolarDashboard.Vendors.FusionSolar.Wire;

namespace SolarDashboard.Vendors.Atess;

/// <summary>
/// The typed client of the ATESS OpenAPI for one account: plants, datalogs, and per device family base info, history,
/// latest data and settings. Every call carries <c>Authorization: Basic base64(accountId:apiKey)</c> (the "first step
/// Authorization": there is no token call) and <c>Accept-Language</c>. Answers are the envelope <c>{code, data, msg}</c>:
/// 0 or 200 is success, 400 not found, 403 no access, the "once every 5 minutes" refusal is
/// <see cref="AtessErrorKind.AcquisitionLimited"/>; anything else, HTTP errors, HTML pages, broken JSON and timeouts are
/// typed too (<see cref="AtessException"/>). Numbers may come as strings and rows directly in <c>data</c>.
/// </summary>
public sealed partial class AtessClient(VendorHttp http, Uri baseUrl, string accountId, Func<string> apiKey, ILogger logger, TimeProvider time,
    string language = "en", Action<AtessCallRecord>? onCall = null)
{
    /// <summary>"The frequency of acquisition is once every 5 minutes", per endpoint and device (or datalog, or plant).</summary>
    public static readonly TimeSpan AcquisitionPeriod = TimeSpan.FromMinutes(5);

    /// <summary>The largest history page clients were seen asking for.</summary>
    public const int MaxPageSize = 2000;

    /// <summary>The largest page of the plant list.</summary>
    public const int MaxPlantPageSize = 100;

    /// <summary>The production API (field notes); demo mode uses the sandbox's path on this app's own address.</summary>
    public static readonly Uri ProductionBaseUrl = new("https://www.enerclo-atesspower.com/api/v1/");

    private readonly IFlurlClient _api = http.For(AtessHttp.Name, baseUrl);

    // ---- Plant ----

    public async Task<AtessPlant> GetPlantAsync(long plantId, CancellationToken ct = default) =>
        Plant(await CallAsync(HttpMethod.Get, "plant", Id(plantId), [("plantId", plantId)], null, ct)) ?? throw Unexpected("GET plant");

    public async Task<AtessPlant> AddPlantAsync(AtessPlantInput input, CancellationToken ct = default) =>
        Plant(await CallAsync(HttpMethod.Post, "plant", null, [], PlantBody(null, input), ct)) ?? throw Unexpected("POST plant");

    public async Task<AtessPlant> ModifyPlantAsync(long plantId, AtessPlantInput input, CancellationToken ct = default) =>
        Plant(await CallAsync(HttpMethod.Put, "plant", Id(plantId), [], PlantBody(plantId, input), ct)) ?? throw Unexpected("PUT plant");

    public Task DeletePlantAsync(long plantId, CancellationToken ct = default) =>
        CallAsync(HttpMethod.Delete, "plant", Id(plantId), [("plantId", plantId)], null, ct);

    public async Task<AtessPage<AtessPlant>> ListPlantsAsync(int pageNo = 1, int pageSize = MaxPlantPageSize, CancellationToken ct = default)
    {
        CheckPage(pageNo, pageSize, MaxPlantPageSize);
        var data = await CallAsync(HttpMethod.Get, "plant/list", null, [("pageNo", pageNo), ("pageSize", pageSize)], null, ct);
        return Page(data, pageNo, pageSize, Plant);
    }

    // ---- DataLog ----

    public async Task<AtessDataLog> GetDataLogAsync(string dataLogSn, CancellationToken ct = default) =>
        DataLog(await CallAsync(HttpMethod.Get, "datalog", Serial(dataLogSn), [("dataLogSn", dataLogSn)], null, ct)) ?? throw Unexpected("GET datalog");

    public async Task<AtessDataLog> AddDataLogAsync(long plantId, string dataLogSn, CancellationToken ct = default) =>
        DataLog(await CallAsync(HttpMethod.Post, "datalog", Serial(dataLogSn), [], new Dictionary<string, object> { ["plantId"] = plantId, ["dataLogSn"] = dataLogSn }, ct))
        ?? throw Unexpected("POST datalog");

    public Task DeleteDataLogAsync(string dataLogSn, CancellationToken ct = default) =>
        CallAsync(HttpMethod.Delete, "datalog", Serial(dataLogSn), [("dataLogSn", dataLogSn)], null, ct);

    public async Task<IReadOnlyList<AtessDataLog>> ListDataLogsAsync(long plantId, CancellationToken ct = default) =>
        Items(await CallAsync(HttpMethod.Get, "datalog/list", Id(plantId), [("plantId", plantId)], null, ct)).Select(DataLog).OfType<AtessDataLog>().ToList();

    // ---- Devices: PBD, PCS, HPS (central and string type), BMS (BCU and MBMS) ----

    public async Task<AtessDeviceInfo> GetBaseInfoAsync(AtessFamily family, string deviceSn, CancellationToken ct = default) =>
        DeviceInfo(await CallAsync(HttpMethod.Get, AtessPaths.Of(family).BaseInfo, Serial(deviceSn), [("deviceSn", deviceSn)], null, ct))
        ?? throw Unexpected("GET " + AtessPaths.Of(family).BaseInfo);

    /// <summary>The devices of a family behind a datalog (documented for BCU: <c>bms/buc-base-info/list?dataLogSn=</c>).</summary>
    public async Task<IReadOnlyList<AtessDeviceInfo>> ListBaseInfoAsync(AtessFamily family, string dataLogSn, CancellationToken ct = default) =>
        Items(await CallAsync(HttpMethod.Get, AtessPaths.Of(family).BaseInfoList, Serial(dataLogSn), [("dataLogSn", dataLogSn)], null, ct))
            .Select(DeviceInfo).OfType<AtessDeviceInfo>().ToList();

    /// <summary>
    /// History between two plant-local times (both inclusive), one page: rows oldest first, each an upload of the device.
    /// Pages of one device share one acquisition budget: a second page within 5 minutes is refused.
    /// </summary>
    public async Task<AtessPage<AtessRow>> GetHistoryAsync(AtessFamily family, string deviceSn, DateTime startLocal, DateTime endLocal,
        int pageNo = 1, int pageSize = MaxPageSize, CancellationToken ct = default)
    {
        CheckPage(pageNo, pageSize, MaxPageSize);
        if (endLocal < startLocal) throw Invalid("The end of a history request is before its start.");
        var data = await CallAsync(HttpMethod.Get, AtessPaths.Of(family).DataList, Serial(deviceSn),
        [
            ("deviceSn", deviceSn), ("startDate", startLocal.ToString(AtessTime.Format, CultureInfo.InvariantCulture)),
            ("endDate", endLocal.ToString(AtessTime.Format, CultureInfo.InvariantCulture)), ("pageNo", pageNo), ("pageSize", pageSize),
        ], null, ct);
        return Page(data, pageNo, pageSize, Row);
    }

    /// <summary>The latest upload of the device; null before its first one.</summary>
    public async Task<AtessRow?> GetLatestAsync(AtessFamily family, string deviceSn, CancellationToken ct = default) =>
        Row(await CallAsync(HttpMethod.Get, AtessPaths.Of(family).DataLast, Serial(deviceSn), [("deviceSn", deviceSn)], null, ct));

    public async Task<AtessSettings> GetSettingsAsync(AtessFamily family, string deviceSn, CancellationToken ct = default) =>
        Settings(await CallAsync(HttpMethod.Get, AtessPaths.Of(family).Setting, Serial(deviceSn), [("deviceSn", deviceSn)], null, ct));

    /// <summary>
    /// "Modify setting": PUT <c>{"deviceSn": …, "&lt;setting&gt;": number, …}</c>; the answer is every setting as it is after
    /// the change. A refusal (<see cref="AtessErrorKind.Rejected"/>) applied nothing. Never retried here: control is not a query.
    /// </summary>
    public async Task<AtessSettings> ModifySettingsAsync(AtessFamily family, string deviceSn, IReadOnlyDictionary<string, double> changes, CancellationToken ct = default)
    {
        if (changes.Count == 0) throw Invalid("No setting to change.");
        var body = new Dictionary<string, object> { ["deviceSn"] = deviceSn };
        foreach (var (key, value) in changes) body[key] = value;
        return Settings(await CallAsync(HttpMethod.Put, AtessPaths.Of(family).Setting, Serial(deviceSn), [], body, ct));
    }

    // ---- The envelope ----

    private async Task<JsonElement> CallAsync(HttpMethod method, string path, string? target, IReadOnlyList<(string Key, object Value)> query, object? body, CancellationToken ct)
    {
        var api = method.Method + " " + path;
        var started = time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        int? status = null, code = null;
        try
        {
            var answer = await AtessHttp.SendAsync(t =>
            {
                var request = _api.Request(path).WithBasicAuth(accountId, apiKey()).WithHeader("Accept-Language", language);
                foreach (var (key, value) in query) request.SetQueryParam(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                return body is null ? request.SendAsync(method, cancellationToken: t) : request.SendJsonAsync(method, body, cancellationToken: t);
            }, api, ct);
            status = answer.Status;
            var (data, answerCode, message) = Envelope(api, answer);
            code = answerCode;
            if (answerCode is not (0 or 200)) throw new AtessException(Describe(api, answerCode, message));
            Record(api, target, started, watch, true, code, status, null);
            return data;
        }
        catch (AtessException ex)
        {
            Record(api, target, started, watch, false, ex.Error.Code ?? code, ex.Error.HttpStatus ?? status, ex.Error.Kind);
            logger.LogWarning("ATESS {Api} {Target} failed: {Kind} {Code} {Message}", api, target, ex.Error.Kind, ex.Error.Code, ex.Error.Message);
            throw;
        }
        catch (OperationCanceledException)
        {
            Record(api, target, started, watch, false, null, status, AtessErrorKind.Unavailable);
            throw;
        }
    }

    /// <summary>The answer's data, code and message, or the typed failure of an answer that is not the envelope.</summary>
    private static (JsonElement Data, int Code, string? Message) Envelope(string api, AtessAnswer answer)
    {
        if (answer.Status == 401) throw Failure(AtessErrorKind.Unauthorized, api, "ATESS refused the credentials (HTTP 401).", answer.Status);
        if (answer.Status is 403 or 429)
            throw Failure(AtessErrorKind.GatewayThrottled, api, $"ATESS's gateway refused the call (HTTP {answer.Status}); waiting before calling again.", answer.Status);
        if (answer.Status is < 200 or > 299)
            throw Failure(AtessErrorKind.Unavailable, api, $"ATESS answered HTTP {answer.Status}{(LooksLikeHtml(answer.Text) ? " with an error page" : "")}.", answer.Status);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(answer.Text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Failure(AtessErrorKind.Unavailable, api, LooksLikeHtml(answer.Text)
                ? "ATESS answered with a web page instead of data." : "ATESS's answer was cut off or is not valid JSON.", answer.Status);
        }
        if (root.ValueKind != JsonValueKind.Object || KpiValue.Long(KpiValue.Get(root, "code")) is not { } code)
            throw Failure(AtessErrorKind.Unavailable, api, "ATESS's answer is not the {code, data, msg} envelope.", answer.Status);
        return (KpiValue.Get(root, "data"), (int)code, KpiValue.Text(KpiValue.Get(root, "msg")));
    }

    /// <summary>Each documented code once, in the caller's terms; the vendor's own message is kept.</summary>
    private static AtessError Describe(string api, int code, string? message)
    {
        var said = string.IsNullOrWhiteSpace(message) ? "" : $" ({message.Trim()})";
        if (code == 429 || (message is not null && (message.Contains("frequency", StringComparison.OrdinalIgnoreCase) || message.Contains("频率", StringComparison.Ordinal))))
        {
            var wait = message is not null && WaitPattern().Match(message) is { Success: true } m && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var s)
                ? TimeSpan.FromSeconds(Math.Clamp(s, 1, AcquisitionPeriod.TotalSeconds)) : AcquisitionPeriod;
            return new(AtessErrorKind.AcquisitionLimited, "ATESS allows this call once every 5 minutes per device" + said + ".", code, 200, api, wait);
        }
        return code switch
        {
            400 => new(AtessErrorKind.NotFound, "ATESS does not know it" + said + ".", code, 200, api),
            403 => new(AtessErrorKind.NoAccess, "ATESS refused access: the account id and API key are wrong, or this account may not see it" + said + ".", code, 200, api),
            500 => new(AtessErrorKind.Rejected, "ATESS refused the request; nothing was changed" + said + ".", code, 200, api),
            _ => new(AtessErrorKind.Rejected, $"ATESS answered with code {code}" + said + ".", code, 200, api),
        };
    }

    private void Record(string api, string? target, DateTimeOffset at, Stopwatch watch, bool ok, int? code, int? status, AtessErrorKind? kind) =>
        onCall?.Invoke(new AtessCallRecord(api, target, at, watch.Elapsed, ok, code, status, kind));

    // ---- Reading data tolerantly ----

    /// <summary>Objects of a list answer: an array in <c>data</c>, or in <c>data.datas</c>.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement data)
    {
        var list = data.ValueKind == JsonValueKind.Object ? KpiValue.Get(data, "datas") : data;
        return list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList() : [];
    }

    private static AtessPage<T> Page<T>(JsonElement data, int pageNo, int pageSize, Func<JsonElement, T?> read) where T : class
    {
        var items = Items(data).Select(read).OfType<T>().ToList();
        if (data.ValueKind != JsonValueKind.Object) return new(items, pageNo, pageSize, null);
        var echoedSize = (int?)KpiValue.Long(KpiValue.Get(data, "pageSize"));
        return new(items, pageNo, echoedSize is > 0 ? echoedSize.Value : pageSize, KpiValue.Long(KpiValue.Get(data, "total")));
    }

    private static readonly HashSet<string> RowText = new(StringComparer.OrdinalIgnoreCase) { "deviceSn", "time", "dataLogSn" };

    internal static AtessRow? Row(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
            if (!RowText.Contains(p.Name) && p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) values[p.Name] = KpiValue.Number(p.Value);
        return new AtessRow(KpiValue.Text(KpiValue.Get(e, "deviceSn")), KpiValue.Text(KpiValue.Get(e, "time")), values);
    }

    internal static AtessPlant? Plant(JsonElement e) => KpiValue.Long(KpiValue.Get(e, "plantId")) is not { } id ? null : new AtessPlant(id,
        KpiValue.Text(KpiValue.Get(e, "plantName")) ?? id.ToString(CultureInfo.InvariantCulture), KpiValue.Text(KpiValue.Get(e, "timeZone")),
        KpiValue.Text(KpiValue.Get(e, "country")), KpiValue.Text(KpiValue.Get(e, "city")), KpiValue.Text(KpiValue.Get(e, "address")),
        KpiValue.Number(KpiValue.Get(e, "latitude")), KpiValue.Number(KpiValue.Get(e, "longitude")), KpiValue.Number(KpiValue.Get(e, "capacity")),
        KpiValue.Text(KpiValue.Get(e, "installDate")), KpiValue.Text(KpiValue.Get(e, "createTime")));

    internal static AtessDataLog? DataLog(JsonElement e) => KpiValue.Text(KpiValue.Get(e, "dataLogSn")) is not { } sn ? null : new AtessDataLog(sn,
        KpiValue.Long(KpiValue.Get(e, "plantId")), Bool(KpiValue.Get(e, "lost")), KpiValue.Text(KpiValue.Get(e, "firmwareVersion")),
        (int?)KpiValue.Long(KpiValue.Get(e, "deviceCount")), KpiValue.Text(KpiValue.Get(e, "createTime")), KpiValue.Text(KpiValue.Get(e, "updateTime")));

    internal static AtessDeviceInfo? DeviceInfo(JsonElement e) => KpiValue.Text(KpiValue.Get(e, "deviceSn")) is not { } sn ? null : new AtessDeviceInfo(sn,
        KpiValue.Text(KpiValue.Get(e, "dataLogSn")), (int?)KpiValue.Long(KpiValue.Get(e, "address")), (int?)KpiValue.Long(KpiValue.Get(e, "deviceNo")),
        (int?)KpiValue.Long(KpiValue.Get(e, "systemNo")), KpiValue.Text(KpiValue.Get(e, "firmwareVersion")), Bool(KpiValue.Get(e, "lost")),
        KpiValue.Text(KpiValue.Get(e, "status")), KpiValue.Text(KpiValue.Get(e, "updateTime")), KpiValue.Text(KpiValue.Get(e, "model")));

    internal static AtessSettings Settings(JsonElement e)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        if (e.ValueKind == JsonValueKind.Object)
            foreach (var p in e.EnumerateObject())
                if (p.Name != "deviceSn" && p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) values[p.Name] = KpiValue.Number(p.Value);
        return new AtessSettings(KpiValue.Text(KpiValue.Get(e, "deviceSn")), values);
    }

    private static bool? Bool(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(e.GetString(), out var b) => b,
        _ => KpiValue.Number(e) is { } n ? n != 0 : null,
    };

    private static Dictionary<string, object> PlantBody(long? plantId, AtessPlantInput input)
    {
        var body = new Dictionary<string, object>();
        void Put(string key, object? value)
        {
            if (value is not null) body[key] = value;
        }
        Put("plantId", plantId);
        Put("plantName", input.PlantName);
        Put("timeZone", input.TimeZone);
        Put("country", input.Country);
        Put("city", input.City);
        Put("address", input.Address);
        Put("latitude", input.Latitude);
        Put("longitude", input.Longitude);
        Put("capacity", input.Capacity);
        Put("installDate", input.InstallDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return body;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Serial(string sn) => string.IsNullOrWhiteSpace(sn) ? throw Invalid("A serial number is required.") : sn;

    private static void CheckPage(int pageNo, int pageSize, int max)
    {
        if (pageNo < 1) throw Invalid("Pages are counted from 1.");
        if (pageSize < 1 || pageSize > max) throw Invalid($"A page holds 1 to {max} rows.");
    }

    private static bool LooksLikeHtml(string text) => text.TrimStart().StartsWith('<');

    private static AtessException Failure(AtessErrorKind kind, string api, string message, int? status = null) =>
        new(new AtessError(kind, message, HttpStatus: status, Api: api));

    private static AtessException Invalid(string message) => new(new AtessError(AtessErrorKind.Rejected, message + " Nothing was sent."));

    private static AtessException Unexpected(string api) => Failure(AtessErrorKind.Unavailable, api, "ATESS's answer holds no data where it should.");

    [GeneratedRegex(@"(\d+)\s*(?:s\b|sec|秒)", RegexOptions.IgnoreCase)]
    private static partial Regex WaitPattern();
}
