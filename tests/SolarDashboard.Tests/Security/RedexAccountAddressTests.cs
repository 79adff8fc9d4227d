using Microsoft.EntityFrameworkCore;
using SolarDashboard.Core.Redex;
using SolarDashboard.Core.Security;
using SolarDashboard.Testing;

namespace SolarDashboard.Tests.Security;

/// <summary>The REDEX account form obeys the same outbound address rules as the FusionSolar and ATESS forms (issue 15).</summary>
public sealed class RedexAccountAddressTests : IAsyncLifetime
{
    private RedexExportHarness _h = null!;

    public async Task InitializeAsync() => _h = await RedexExportHarness.StartAsync(fleetInverters: 1);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("https://127.0.0.1:5499/")]
    [InlineData("https://localhost/")]
    [InlineData("https://10.0.0.7/")]
    [InlineData("https://169.254.169.254/")]
    [InlineData("https://redex.evil.example/")]
    public async Task A_host_that_is_not_documented_or_allowed_is_refused_before_anything_is_sent(string typed)
    {
        var calls = _h.Traffic.Admitted;
        var (saved, message) = await _h.Ledger.AddAccountAsync("x", typed, "k", "other-client", "s");

        Assert.False(saved);
        Assert.Equal(OutboundAddressPolicy.Refused + " Nothing was saved.", message); // one text, whatever is there
        await using var db = await _h.Sync.DbAsync();
        Assert.Equal(1, await db.RedexAccounts.CountAsync()); // only the harness's own
        Assert.Equal(calls, _h.Traffic.Admitted);
    }

    [Fact]
    public async Task Plain_http_is_refused_and_wrong_credentials_at_a_permitted_address_say_so_without_saving()
    {
        Assert.False((await _h.Ledger.AddAccountAsync("x", "http://api.redex.eco/", "k", "c", "s")).Saved);

        var (saved, message) = await _h.Ledger.AddAccountAsync("x", RedexExportHarness.Base.AbsolutePath, "wrong-key", RedexExportHarness.ClientId, "wrong");
        Assert.False(saved);
        Assert.StartsWith("REDEX refused these credentials", message);
        Assert.DoesNotContain("wrong", message);
    }
}
