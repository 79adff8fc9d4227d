using SolarDashboard.Core.Control;
using SolarDashboard.Vendors.FusionSolar.Control;

namespace SolarDashboard.Tests.Vendors;

/// <summary>The effect note of a feed-in limit, as the audit trail and task page show it (issue 14: no "-0").</summary>
public sealed class PlantEvidenceTextTests
{
    [Theory]
    [InlineData(-0.001, "export is 0 kW, within the 1 kW limit.")]
    [InlineData(0.734, "export is 0.73 kW, within the 1 kW limit.")]
    public void A_feed_in_limit_s_effect_reads_without_minus_zero(double exportKw, string expected)
    {
        var evidence = new PlantEvidence(null, DateTimeOffset.UnixEpoch, null, null, null, null, null, exportKw);
        var (seen, note) = PlantEvidence.ShowsEffect(new FeedInParameters(true, 1, false), evidence, null, null);
        Assert.True(seen);
        Assert.Equal(expected, note);
    }
}
