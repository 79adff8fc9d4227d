using SolarDashboard.Testing;

namespace SolarDashboard.IntegrationTests;

/// <summary>State survives a restart: the schema, the connection, the encrypted secret (keys beside the database) and the users.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task After_a_restart_the_stored_password_is_still_readable_and_nothing_is_duplicated()
    {
        var data = Directory.CreateTempSubdirectory("sd-restart-").FullName;
        await using (var first = await AppProcess.StartAsync(data))
        {
            await AppProcess.WaitUntilAsync(async () => (await (await first.AsAsync("adam-admin")).GetStringAsync("/")).Contains("data-connection-state=\"Connected\""),
                TimeSpan.FromSeconds(30), "the first run to connect");
        }

        await using var second = await AppProcess.StartAsync(data);
        await AppProcess.WaitUntilAsync(() => Task.FromResult(second.Output.Contains("is connected")), TimeSpan.FromSeconds(30), "the second run to sign in");
        var html = await (await second.AsAsync("adam-admin")).GetStringAsync("/");
        Assert.Equal(1, CountOf(html, "Demo installer (sandbox)"));
        Assert.Contains("data-connection-state=\"Connected\"", html);
        Assert.True(Directory.EnumerateFiles(Path.Combine(data, "keys"), "key-*.xml").Any());
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;
}
