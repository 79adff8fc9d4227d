using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Flurl.Http.Configuration;
using Flurl.Http.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using SolarDashboard.Tests.Support;
using SolarDashboard.Vendors;
using SolarDashboard.Vendors.FusionSolar;
using SolarDashboard.Vendors.FusionSolar.Auth;

namespace SolarDashboard.Tests.Vendors;

/// <summary>
/// The client reads the reference's literal example answers (copied verbatim from the sections named) and maps every
/// documented failCode.
/// </summary>
public sealed partial class ReferenceExampleTests
{
    /// <summary>Makes one client call that FusionSolar answers with <paramref name="body"/> (Flurl's <see cref="HttpTest"/> fakes the answer).</summary>
    private static async Task<T> AnsweredAsync<T>(string body, Func<FusionSolarClient, Task<T>> call, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json")
    {
        using var http = new HttpTest();
        http.RespondWith(() => new StringContent(body, Encoding.UTF8, mediaType), (int)status);
        return await call(NewClient());
    }

    private static readonly Uri BaseUrl = new("https://eu5.fusionsolar.huawei.com/");

    private static FusionSolarClient NewClient() => new(new VendorHttp(new FlurlClientCache()), BaseUrl, new FixedCredential(), TimeProvider.System, NullLogger.Instance);

    private sealed class FixedCredential : INbiAuthenticator
    {
        public Task<NbiCredential> GetCredentialAsync(CancellationToken ct) => Task.FromResult(new NbiCredential("XSRF-TOKEN", "x-token"));
        public Task<bool> InvalidateAsync(NbiCredential refused, CancellationToken ct) => Task.FromResult(false);
    }

    [Fact]
    public async Task Plant_list_example_2_of_5_1_1_1()
    {
        var page = await AnsweredAsync("""
            {
                "success": true,
                "data": {
                    "list": [
                        {
                            "plantCode": "NE=12345678",
                            "plantName": "NMplant1",
                            "plantAddress": null,
                            "longitude": null,
                            "latitude": null,
                            "capacity": 146.5,
                            "contactPerson": "",
                            "contactMethod": "",
                            "gridConnectionDate": "2022-11-21T16:23:00+08:00"
                        },
                        {
                            "plantCode": "NE=23456789",
                            "plantName": "plant2",
                            "plantAddress": null,
                            "longitude": null,
                            "latitude": null,
                            "capacity": 123.3,
                            "contactPerson": "",
                            "contactMethod": "",
                            "gridConnectionDate": "2022-11-21T16:30:28-12:00"
                        }
                    ],
                    "pageCount": 1,
                    "pageNo": 1,
                    "pageSize": 100,
                    "total": 2
                },
                "failCode": 0,
                "message": "get plant list success"
            }
            """, c => c.GetPlantsAsync(1));
        Assert.Equal(2, page.Total);
        Assert.Equal(["NE=12345678", "NE=23456789"], page.Plants.Select(p => p.Code));
        Assert.Equal(146.5, page.Plants[0].CapacityKwp);
        Assert.Null(page.Plants[0].Latitude);
        Assert.Null(page.Plants[0].ContactPerson); // "" means missing
        Assert.Equal(new DateTimeOffset(2022, 11, 21, 16, 30, 28, TimeSpan.FromHours(-12)), page.Plants[1].GridConnection);
    }

    [Fact]
    public async Task Device_list_example_2_of_5_1_1_2()
    {
        var devices = await AnsweredAsync("""
            {
                "success":true,
                "data": [
                    {
                        "id": -214543629611879,
                        "devDn": "NE=45112560",
                        "devName": "5fbfk4",
                        "stationCode": "5D02E8B40AD342159AC8D8A2BCD4FAB5",
                        "esnCode": "5fbfk4",
                        "devTypeld": 1,
                        "softwareVersion": "V100R001PC666",
                        "invType": "SUN2000-17KTL",
                        "longitude": null,
                        "latitude": null
                    },
                    {
                        "id": -214091680973855,
                        "devDn": "NE=4511256",
                        "devName": "6fbfk11",
                        "stationCode": "5D02E8B40AD342159AC8D8A2BCD4FAB5",
                        "esnCode": "6fbfk11",
                        "devTypeld": 1,
                        "softwareVersion": "V100R001PC666",
                        "invType": "SUN2000-17KTL",
                        "longitude": null,
                        "latitude": null
                    }
                ],
                "failCode": 0,
                "params": {
                    "stationCodes": "BA4372D08E014822AB065017416F254C,5D02E8B40AD342159AC8D8A2BCD4FAB5",
                    "currentTime": 1503046597854
                },
                "message": null
            }
            """, c => c.GetDevicesAsync(["BA4372D08E014822AB065017416F254C", "5D02E8B40AD342159AC8D8A2BCD4FAB5"]));
        Assert.Equal([-214543629611879L, -214091680973855L], devices.Select(d => d.Id));
        Assert.All(devices, d => Assert.Equal(1, d.TypeId));
        Assert.Equal("SUN2000-17KTL", devices[0].Model);
        Assert.Equal("6fbfk11", devices[1].Sn);
    }

    [Fact]
    public async Task Sixteen_digit_device_ids_stay_exact_as_numbers_and_as_strings()
    {
        // Beyond 2^53 a double cannot hold every integer: 9007199254740993 would come back as …992.
        var devices = await AnsweredAsync("""
            {"success":true,"failCode":0,"data":[
              {"id":9007199254740993,"devName":"a","stationCode":"NE=1","devTypeId":38},
              {"id":"9007199254740995","devName":"b","stationCode":"NE=1","devTypeId":39}]}
            """, c => c.GetDevicesAsync(["NE=1"]));
        Assert.Equal([9007199254740993L, 9007199254740995L], devices.Select(d => d.Id));
        var rows = await AnsweredAsync("""{"success":true,"failCode":0,"data":[{"devId":9007199254740993,"dataItemMap":{}}]}""",
            c => c.GetDeviceRealTimeAsync(38, [9007199254740993]));
        Assert.Equal(9007199254740993L, Assert.Single(rows).DeviceId);
    }

    [Fact]
    public async Task Real_time_plant_data_example_2_of_5_1_2_1_has_numbers_as_strings()
    {
        var rows = await AnsweredAsync("""
            {
            "success":true,
            "data":[
            {
                "dataItemMap":{
                    "real_health_state":"3",
                    "day_power":"10000",
                    "total_power":"900.000",
                    "day_income":"0.000",
                    "month_power":"900.000",
                    "total_income":"2088.000"
                },
                "stationCode":"BA4372D08E014822AB065017416F254C"
            },
            {
                "dataItemMap":{
                    "real_health_state":"1",
                    "day_power":"16770.000",
                    "total_power":"35100.000",
                    "day_income":"26832.000",
                    "month_power":"35100.000",
                    "total_income":"61152.000"
                },
                "stationCode":"5D02E8B40AD342159AC8D8A2BCD4FAB5"
            }
            ],
            "failCode":0,
            "params":{
                "stationCodes":"BA4372D08E014822AB065017416F254C,5D02E8B40AD342159AC8D8A2BCD4FAB5",
                "currentTime":1503046597854
            },
            "message":null
            }
            """, c => c.GetPlantRealTimeAsync(["BA4372D08E014822AB065017416F254C", "5D02E8B40AD342159AC8D8A2BCD4FAB5"]));
        Assert.Equal(900.0, rows[0].Values["total_power"]);
        Assert.Equal(3, rows[0].Values["real_health_state"]);
        Assert.Equal(61152.0, rows[1].Values["total_income"]);
        Assert.Equal("5D02E8B40AD342159AC8D8A2BCD4FAB5", rows[1].StationCode);
    }

    [Fact]
    public async Task History_example_2_of_5_1_2_3_keeps_nulls_as_missing_and_every_key()
    {
        var rows = await AnsweredAsync("""
            {
            "success":true,
            "data": [
            {
            "dataItemMap":{
            "pv7_u":null,
            "pv1_u":575.3,
            "b_u":286.1,
            "temperature":44.6,
            "open_time":null,
            "inverter_state":512,
            "mppt_power":21.962,
            "total_cap":655.37,
            "reactive_power":20.95,
            "active_power":21.05,
            "elec_freq":50.05,
            "day_cap":159.26,
            "efficiency":null,
            "pv2_u":575.3
            },
            "devId":213472461631079,
            "collectTime":1501862400000
            }
            ],
            "failCode":0,
            "params":{
            "devIds":"214060404588862,213472461631079",
            "devTypeId":1,
            "startTime":1501862400000,
            "endTime":1501872400000,
            "currentTime":1503046597854
            },
            "message":null
            }
            """, c => c.GetDeviceHistoryAsync(1, [214060404588862, 213472461631079], DateTimeOffset.FromUnixTimeMilliseconds(1501862400000), DateTimeOffset.FromUnixTimeMilliseconds(1501872400000)));
        var row = Assert.Single(rows);
        Assert.Equal(213472461631079, row.DeviceId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1501862400000), row.CollectTime);
        Assert.Equal(512, row.Values["inverter_state"]);
        Assert.Null(row.Values["pv7_u"]);
        Assert.True(row.Values.ContainsKey("efficiency"));
        Assert.Equal(14, row.Values.Count);
    }

    [Fact]
    public async Task Alarm_example_2_of_5_1_3_1()
    {
        var alarms = await AnsweredAsync("""
            {
              "data": [
                {
                  "alarmCause": "An unrecoverable fault has occurred in the internal circuit of the device.",
                  "alarmId": 2064,
                  "alarmName": "The device is abnormal.",
                  "alarmType": 2,
                  "causeld": 5,
                  "devName": "Inverter-1",
                  "devTypeId": 38,
                  "esnCode": "Inverter05",
                  "lev": 2,
                  "raiseTime": 1667179861000,
                  "repairSuggestion": "Turn off the AC and DC switches, wait for 5 minutes, and then turn on the AC and DC switches. If the fault persists, contact your dealer or technical support.",
                  "stationCode": "NE=33554792",
                  "stationName": "hzhStation02",
                  "status": 1
                }
              ],
              "failCode": 0,
              "message": null,
              "params": {
                "currentTime": 1667399432812,
                "sns": "Inverter01",
                "language": "zh_CN",
                "beginTime": 1664553600000,
                "devTypes": "1,2,38,46,62",
                "endTime": 1667231999000,
                "levels": "1,2,3,4",
                "stationCodes": "NE=33554785,NE=33554792"
              },
              "success": true
            }
            """, c => c.GetActiveAlarmsAsync(["NE=33554785", "NE=33554792"], DateTimeOffset.FromUnixTimeMilliseconds(1664553600000), DateTimeOffset.FromUnixTimeMilliseconds(1667231999000)));
        var alarm = Assert.Single(alarms);
        Assert.Equal(2064, alarm.AlarmId);
        Assert.Equal(5, alarm.CauseId);
        Assert.Equal(2, alarm.Level);
        Assert.Equal(38, alarm.DeviceTypeId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1667179861000), alarm.RaisedAt);
        Assert.StartsWith("Turn off the AC and DC switches", alarm.RepairSuggestion);
    }

    [Theory]
    // 5.1.2.2 example 1, 3.1.3 examples 3 and 4, 8.1.5.
    [InlineData("""{ "success":false, "data":null, "failCode":20006, "params":{ "devIds":"214233501711677,214060404588862", "devTypeId":"1", "currentTime":1503046597854 }, "message":null }""", 20006, FusionSolarErrorKind.InvalidRequest)]
    [InlineData("""{ "success": false, "failCode": 305, "message": "INVALID_CREDENTIAL" }""", 305, FusionSolarErrorKind.SessionExpired)]
    [InlineData("""{ "data": null, "failCode": 401, "message": "Invalid access to current interface!", "params": {}, "success": false }""", 401, FusionSolarErrorKind.NoPermission)]
    [InlineData("""{ "data": null, "failCode": 407, "message": "The request failed because the user was not authenticated.", "success": false }""", 407, FusionSolarErrorKind.RateLimited)]
    [InlineData("""{ "success": false, "data": null, "failCode": 20605, "message": "The time cannot be a negative number." }""", 20605, FusionSolarErrorKind.InvalidRequest)]
    public async Task Documented_error_answers_become_typed_errors(string body, int failCode, FusionSolarErrorKind kind)
    {
        var ex = await Assert.ThrowsAsync<FusionSolarException>(() => AnsweredAsync(body, c => c.GetDeviceRealTimeAsync(1, [214233501711677])));
        Assert.Equal(failCode, ex.Error.FailCode);
        Assert.Equal(kind, ex.Error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(ex.Error.Message));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", HttpStatusCode.BadGateway, "text/html", FusionSolarErrorKind.Unavailable)]
    [InlineData("<html><body>maintenance</body></html>", HttpStatusCode.OK, "text/html", FusionSolarErrorKind.Unavailable)]
    [InlineData("""{"success":true,"data":[{"dataItemMap":{"day_po""", HttpStatusCode.OK, "application/json", FusionSolarErrorKind.Unavailable)]
    [InlineData("Too Many Requests", HttpStatusCode.TooManyRequests, "text/plain", FusionSolarErrorKind.GatewayThrottled)]
    [InlineData("Forbidden", HttpStatusCode.Forbidden, "text/plain", FusionSolarErrorKind.GatewayThrottled)]
    public async Task Broken_answers_become_typed_failures_not_crashes(string body, HttpStatusCode status, string mediaType, FusionSolarErrorKind kind)
    {
        var ex = await Assert.ThrowsAsync<FusionSolarException>(() => AnsweredAsync(body, c => c.GetPlantRealTimeAsync(["NE=1"]), status, mediaType));
        Assert.Equal(kind, ex.Error.Kind);
        Assert.True(ex.Error.IsTransient);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task No_answer_at_all_becomes_a_typed_failure_for_every_client(bool timeout)
    {
        using var http = new HttpTest();
        if (timeout) http.SimulateTimeout();
        else http.SimulateException(new HttpRequestException("Connection refused (eu5.fusionsolar.huawei.com:443)"));

        var ex = await Assert.ThrowsAsync<FusionSolarException>(() => NewClient().GetPlantRealTimeAsync(["NE=1"]));
        Assert.Equal(FusionSolarErrorKind.Unavailable, ex.Error.Kind);
        Assert.True(ex.Error.IsTransient);
        var oauth = new FusionSolarOAuthClient(new VendorHttp(new FlurlClientCache()), new OAuthClientSettings(new Uri("https://oauth2.fusionsolar.huawei.com/rest/dp/uidm/oauth2/v1/token"), "id", "secret"),
            TimeProvider.System, NullLogger<FusionSolarOAuthClient>.Instance);
        Assert.Equal(FusionSolarErrorKind.Unavailable, (await Assert.ThrowsAsync<FusionSolarException>(() => oauth.RefreshAsync("refresh", CancellationToken.None))).Error.Kind);
        var login = await new FusionSolarLoginClient(new VendorHttp(new FlurlClientCache()), NullLogger<FusionSolarLoginClient>.Instance).LoginAsync(BaseUrl, "user", "password");
        Assert.Equal(LoginOutcome.Unavailable, login.Outcome);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_gets_a_cancellation_not_a_vendor_failure()
    {
        // A control delivery's own deadline: "no answer" must stay distinguishable from "FusionSolar said no" (outcome unknown).
        using var http = new HttpTest();
        http.SimulateException(new TaskCanceledException());
        using var deadline = new CancellationTokenSource();
        await deadline.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewClient().ControlAsync("control/battery-mode", "rest/openapi/pvms/nbi/v1/control/battery/mode/async-task", new { tasks = Array.Empty<object>() }, deadline.Token));
    }

    [Fact]
    public void Every_failCode_of_reference_6_1_is_mapped()
    {
        var table = ReferenceDocs.FusionSolar("6.1-error-code-list.txt");
        var codes = RowPattern().Matches(table).Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
        Assert.Equal(170, codes.Count);
        Assert.All(codes, c => Assert.True(FailCodes.All.ContainsKey(c), $"failCode {c} is not mapped"));
    }

    [GeneratedRegex(@"^\d+\t(\d+)\t", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
