using System.Globalization;
using System.Net;
using SolarDashboard.Sandbox.Redex;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>
/// Field notes: a submission is processed asynchronously; the status query by process id answers New, Processing,
/// then Success or Failed (with a reason), on the simulated clock: New for a minute, Processing for 2 to 5 minutes.
/// </summary>
public sealed class RedexProcessingTests
{
    private static async Task<(RedexCall Redex, string Token)> StartAsync()
    {
        var redex = await RedexCall.StartAsync();
        return (redex, await redex.AccessTokenAsync());
    }

    private static async Task<string> StatusAsync(RedexCall redex, string token, string processId) =>
        (await redex.StatusAsync(token, processId)).Data["Status"]!.GetValue<string>();

    [Fact]
    public async Task A_submission_is_new_for_a_minute_then_processing_then_success()
    {
        var (redex, token) = await StartAsync();
        await using var _ = redex.Sandbox;
        var id = (await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, RedexCall.Days(new DateOnly(2026, 6, 1), 10)))).ProcessId;

        var fresh = await redex.StatusAsync(token, id);
        Assert.Equal((HttpStatusCode.OK, 200, "Success"), (fresh.Status, fresh.StatusCode, fresh.Message));
        Assert.Equal(["ProcessId", "RemoteInvId", "Status", "Reason", "Records", "CreatedAt", "CompletedAt"], fresh.Data.Select(p => p.Key));
        Assert.Equal((id, RedexCall.AtessInverter, "New", 10), (fresh.Data["ProcessId"]!.GetValue<string>(), fresh.Data["RemoteInvId"]!.GetValue<string>(),
            fresh.Data["Status"]!.GetValue<string>(), fresh.Data["Records"]!.GetValue<int>()));
        Assert.Null(fresh.Data["Reason"]);
        Assert.Null(fresh.Data["CompletedAt"]);

        redex.Sandbox.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("New", await StatusAsync(redex, token, id));
        redex.Sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Processing", await StatusAsync(redex, token, id));
        redex.Sandbox.Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        Assert.Equal("Processing", await StatusAsync(redex, token, id));
        redex.Sandbox.Time.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));
        var done = await redex.StatusAsync(token, id);
        Assert.Equal("Success", done.Data["Status"]!.GetValue<string>());
        Assert.Null(done.Data["Reason"]);
        var completed = done.Data["CompletedAt"]!.GetValue<DateTimeOffset>();
        var created = done.Data["CreatedAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(completed - created, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task Processing_times_vary_between_submissions_within_two_to_five_minutes()
    {
        var (redex, token) = await StartAsync();
        await using var _ = redex.Sandbox;
        for (var i = 0; i < 20; i++)
            await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [($"2026-05-{i + 1:00}", "1.000", $"{i + 1}.000")]));
        var spans = (await redex.AdminAsync("submissions")).AsArray()
            .Select(s => s!["completesAt"]!.GetValue<DateTimeOffset>() - s["receivedAt"]!.GetValue<DateTimeOffset>() - TimeSpan.FromMinutes(1)).ToList();
        Assert.All(spans, s => Assert.InRange(s, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)));
        Assert.True(spans.Distinct().Count() > 10);
    }

    [Fact]
    public async Task Production_above_capacity_times_24_hours_fails_in_processing_with_the_reason()
    {
        var (redex, token) = await StartAsync();
        await using var _ = redex.Sandbox;
        // The ATESS entry is registered with its system's rated power: at most capacity × 24 h a day.
        var capacity = redex.Sandbox.Service<RedexDirectory>().Inverter(RedexCall.AtessInverter)!.CapacityKw;
        var most = capacity * 24;
        string Kwh(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var ok = (await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-01", Kwh(most), Kwh(most + 100))]))).ProcessId;
        var answer = await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-02", Kwh(most + 0.001), Kwh(2 * most + 100.001))]));
        Assert.Equal(HttpStatusCode.OK, answer.Status); // accepted: the check belongs to processing

        redex.Sandbox.Time.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal("Processing", await StatusAsync(redex, token, answer.ProcessId));
        redex.Sandbox.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("Success", await StatusAsync(redex, token, ok));
        var failed = await redex.StatusAsync(token, answer.ProcessId);
        Assert.Equal("Failed", failed.Data["Status"]!.GetValue<string>());
        Assert.Equal($"PeriodProductionInKWh {Kwh(most + 0.001)} on 2026-06-02 exceeds the device's registered capacity {capacity.ToString(CultureInfo.InvariantCulture)} kW × 24 h = {most.ToString(CultureInfo.InvariantCulture)} kWh",
            failed.Data["Reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failed_data_is_not_accepted_data_so_the_day_can_be_sent_again_with_a_lower_counter()
    {
        var (redex, token) = await StartAsync();
        await using var _ = redex.Sandbox;
        await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-02", "9999.000", "9999.000")]));
        redex.Sandbox.Time.Advance(TimeSpan.FromMinutes(7));

        var retry = await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-02", "99.000", "99.000")]));
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        var day = Assert.Single((await redex.AdminAsync($"inverters/{RedexCall.AtessInverter}/days")).AsArray())!;
        Assert.Equal(["Failed", "New"], day["versions"]!.AsArray().Select(v => v!["status"]!.GetValue<string>()));
        Assert.Equal((2, "99.000"), (day["current"]!["version"]!.GetValue<int>(), day["current"]!["periodProductionInKWh"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_status_of_another_account_s_submission_is_forbidden_and_an_unknown_or_missing_process_id_refused()
    {
        var (redex, token) = await StartAsync();
        await using var _ = redex.Sandbox;
        var id = (await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-01", "1.000", "1.000")]))).ProcessId;
        var other = await redex.AccessTokenAsync(RedexCall.OtherKey, RedexCall.OtherClient, RedexCall.OtherSecret);

        var forbidden = await redex.StatusAsync(other, id);
        Assert.Equal((HttpStatusCode.Forbidden, 403, "Forbidden"), (forbidden.Status, forbidden.StatusCode, forbidden.Message));
        var unknown = await redex.StatusAsync(token, Guid.Empty.ToString());
        Assert.Equal((HttpStatusCode.NotFound, 404, $"No submission has ProcessId {Guid.Empty}"), (unknown.Status, unknown.StatusCode, unknown.Message));
        var missing = await redex.GetAsync("generation-datas/statuses", token);
        Assert.Equal((HttpStatusCode.BadRequest, "ProcessId is required"), (missing.Status, missing.Message));
        var unauthorized = await redex.StatusAsync("forged", id);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Status);
        // The query parameter is matched case-insensitively, as ASP.NET Core does.
        Assert.Equal(HttpStatusCode.OK, (await redex.GetAsync($"generation-datas/statuses?processId={id}", token)).Status);
    }
}
