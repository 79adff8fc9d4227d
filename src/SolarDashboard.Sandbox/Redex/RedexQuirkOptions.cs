namespace SolarDashboard.Sandbox.Redex;

/// <summary>Opt-in misbehaviours of the REDEX sandbox. All off by default; switchable at run time (admin endpoint).</summary>
public sealed class RedexQuirkOptions
{
    /// <summary>
    /// Share of accepted generation-data submissions whose answer is lost: the submission is stored and processed,
    /// then the connection is aborted before any answer byte leaves.
    /// </summary>
    public double LostAnswerAfterProcessingRate { get; set; }

    /// <summary>Delay, in real milliseconds, after a generation-data submission was stored and before its answer leaves.</summary>
    public int SlowAnswerAfterProcessingMilliseconds { get; set; }

    /// <summary>Share of requests a gateway answers with an HTML error page (HTTP 502) before the API sees them.</summary>
    public double HtmlErrorPageRate { get; set; }

    public RedexQuirkOptions Clone() => (RedexQuirkOptions)MemberwiseClone();
}
