using Flurl.Http;
using Flurl.Util;

namespace SolarDashboard.Vendors.FusionSolar;

/// <summary>What FusionSolar sent back, whatever its status: the clients read error answers themselves.</summary>
internal sealed record FusionSolarAnswer(int Status, string Text, IReadOnlyNameValueList<string> Headers);

/// <summary>
/// The one place where Flurl's exceptions become FusionSolar's typed errors. Clients accept every HTTP status
/// (<see cref="VendorHttp"/>), so what is left is no answer at all: a refused or broken connection or a timeout is
/// <see cref="FusionSolarErrorKind.Unavailable"/>. The caller's own cancellation (a control delivery's deadline) stays an
/// <see cref="OperationCanceledException"/>, because "we gave up waiting" is not "it failed" there.
/// </summary>
internal static class FusionSolarHttp
{
    /// <summary>Client name of the northbound API hosts (one client per base URL).</summary>
    public const string Nbi = "FusionSolar";

    /// <summary>Client name of the OAuth token host, which is not the NBI's.</summary>
    public const string OAuth = "FusionSolar OAuth";

    /// <param name="service">Who did not answer, as a sentence starts ("FusionSolar").</param>
    public static async Task<FusionSolarAnswer> SendAsync(Func<CancellationToken, Task<IFlurlResponse>> send, string api, string service, CancellationToken ct)
    {
        try
        {
            using var response = await send(ct);
            return new FusionSolarAnswer(response.StatusCode, await response.GetStringAsync(), response.Headers);
        }
        catch (FlurlHttpTimeoutException)
        {
            throw Unavailable(api, $"{service} did not answer in time.");
        }
        catch (FlurlHttpException ex) when (ex.InnerException is OperationCanceledException && ct.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{service} {api}: the caller stopped waiting.", ex, ct);
        }
        catch (FlurlHttpException ex)
        {
            throw Unavailable(api, $"{service} could not be reached ({(ex.InnerException ?? ex).Message.TrimEnd('.')}).");
        }
    }

    private static FusionSolarException Unavailable(string api, string message) =>
        new(new FusionSolarError(FusionSolarErrorKind.Unavailable, message, Api: api));
}
