using System.Diagnostics;
using System.Net;
using SolarDashboard.Sandbox;
using SolarDashboard.Sandbox.Redex;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Sandbox.Redex;

/// <summary>The REDEX quirks: off by default, switched at run time through the admin endpoint, each visible on the wire.</summary>
public sealed class RedexQuirkTests
{
    private static async Task SwitchAsync(RedexCall redex, string json) =>
        (await redex.Sandbox.Client.PutAsync(RedexCall.Admin + "quirks", SandboxHost.Json(json))).EnsureSuccessStatusCode();

    private static string OneDay => RedexCall.Body(RedexCall.AtessInverter, [("2026-06-01", "10.000", "100.000")]);

    [Fact]
    public void Quirks_are_off_by_default()
    {
        var q = new SandboxOptions().Redex.Quirks;
        Assert.Equal(0, q.LostAnswerAfterProcessingRate + q.SlowAnswerAfterProcessingMilliseconds + q.HtmlErrorPageRate);
    }

    [Fact]
    public async Task A_lost_answer_leaves_the_submission_accepted_and_stored_exactly_once()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        await SwitchAsync(redex, """{"lostAnswerAfterProcessingRate":1}""");

        // The connection drops with no answer (in memory: "The application aborted the request"; over a socket: a reset).
        var lost = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => redex.SendDataAsync(token, OneDay));
        Assert.Contains("aborted", lost.Message);

        await SwitchAsync(redex, "{}");
        var submission = Assert.Single((await redex.AdminAsync("submissions")).AsArray())!;
        var day = Assert.Single((await redex.AdminAsync($"inverters/{RedexCall.AtessInverter}/days")).AsArray())!;
        Assert.Equal((1, submission["processId"]!.GetValue<string>()), (day["versions"]!.AsArray().Count, day["current"]!["processId"]!.GetValue<string>()));
        Assert.Equal(1, (await redex.AdminAsync($"traffic/{RedexCall.Client}"))["lostAnswers"]!.GetValue<int>());

        // It is processed like any other: a client that kept the day "unknown" sees it succeed in the admin read-back.
        redex.Sandbox.Time.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal("Success", (await redex.AdminAsync("submissions")).AsArray()[0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_slow_answer_arrives_late_after_the_submission_was_stored()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        await SwitchAsync(redex, """{"slowAnswerAfterProcessingMilliseconds":400}""");

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var client = redex.Sandbox.Client;
        using var request = new HttpRequestMessage(HttpMethod.Post, RedexCall.Base + "generation-data") { Content = SandboxHost.Json(OneDay) };
        request.Headers.Authorization = new("Bearer", token);
        // A client that gives up before the answer has still delivered its data.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(request, cts.Token));
        Assert.Single((await redex.AdminAsync("submissions")).AsArray());

        var watch = Stopwatch.StartNew();
        var patient = await redex.SendDataAsync(token, RedexCall.Body(RedexCall.AtessInverter, [("2026-06-02", "10.000", "110.000")]));
        Assert.Equal(HttpStatusCode.OK, patient.Status);
        Assert.True(watch.ElapsedMilliseconds >= 390, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task An_html_error_page_can_replace_any_answer_and_nothing_behind_it_happens()
    {
        var redex = await RedexCall.StartAsync();
        await using var _ = redex.Sandbox;
        var token = await redex.AccessTokenAsync();
        await SwitchAsync(redex, """{"htmlErrorPageRate":1}""");

        var data = await redex.SendDataAsync(token, OneDay);
        var tokenCall = await redex.TokenAsync();
        foreach (var answer in new[] { data, tokenCall })
        {
            Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
            Assert.Null(answer.Body);
            Assert.StartsWith("<!DOCTYPE html>", answer.Text);
        }
        await SwitchAsync(redex, "{}");
        Assert.Empty((await redex.AdminAsync("submissions")).AsArray());
        Assert.Equal(1, (await redex.AdminAsync($"traffic/{RedexCall.Client}"))["admitted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Quirks_can_be_set_in_options_and_read_back()
    {
        await using var sandbox = await SandboxHost.StartAsync(o => o.Redex.Quirks = new RedexQuirkOptions { HtmlErrorPageRate = 0.25 });
        var redex = new RedexCall(sandbox);
        Assert.Equal(0.25, (await redex.AdminAsync("quirks"))["htmlErrorPageRate"]!.GetValue<double>());
    }
}
