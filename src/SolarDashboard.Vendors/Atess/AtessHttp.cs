using Flurl.Http;

namespace SolarDashboard.Vendors.Atess;

/// <summary>What the ATESS cloud sent back, whatever its HTTP status: the client reads error answers itself.</summary>
internal sealed record AtessAnswer(int Status, string Text);

/// <summary>
/// The one place where Flurl's exceptions become typed ATESS errors. Every HTTP status is an answer
/// (<see cref="VendorHttp"/>), so what is left is no answer at all: a refused or broken connection or a timeout is
/// <see cref="AtessErrorKind.Unavailable"/>. The caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal static class AtessHttp
{
    /// <summary>Client name of the ATESS OpenAPI hosts (one client per base URL).</summary>
    public const string Name = "ATESS";

    public static async Task<AtessAnswer> SendAsync(Func<CancellationToken, Task<IFlurlResponse>> send, string api, CancellationToken ct)
    {
        try
        {
            using var response = await send(ct);
            return new AtessAnswer(response.StatusCode, await response.GetStringAsync());
        }
        catch (FlurlHttpTimeoutException)
        {
            throw Unavailable(api, "ATESS did not answer in time.");
        }
        catch (FlurlHttpException ex) when (ex.InnerException is OperationCanceledException && ct.IsCancellationRequested)
        {
            throw new OperationCanceledException($"ATESS {api}: the caller stopped waiting.", ex, ct);
        }
        catch (FlurlHttpException ex)
        {
            throw Unavailable(api, $"ATESS could not be reached ({(ex.InnerException ?? ex).Message.TrimEnd('.')}).");
        }
    }

    private static AtessException Unavailable(string api, string message) => new(new AtessError(AtessErrorKind.Unavailable, message, Api: api));
}
