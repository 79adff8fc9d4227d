namespace SolarDashboard.Sandbox;

/// <summary>Opt-in answers seen from the real service. All off by default.</summary>
public sealed class QuirkOptions
{
    /// <summary>dataItemMap numbers sent as strings ("900.000").</summary>
    public bool NumbersAsStrings { get; set; }

    /// <summary>Share of dataItemMap values replaced by null, "" or "N/A".</summary>
    public double MissingValueRate { get; set; }

    /// <summary>Lifetime counters dip by the day's yield between 23:55 and 00:10 plant time, then recover.</summary>
    public bool MidnightCounterDip { get; set; }

    /// <summary>Share of requests a gateway answers with HTTP 403 or 429 before they reach the API.</summary>
    public double GatewayThrottleRate { get; set; }

    /// <summary>Extra delay before every answer, in real milliseconds (the call is not processed if the caller gives up first).</summary>
    public int SlowAnswerMilliseconds { get; set; }

    /// <summary>Extra delay after the call was processed, before its answer leaves (the vendor acted; the caller may never hear).</summary>
    public int SlowAnswerAfterProcessingMilliseconds { get; set; }

    /// <summary>Share of requests answered by an HTML error page (HTTP 502) instead of JSON.</summary>
    public double HtmlErrorPageRate { get; set; }

    /// <summary>Share of answers cut off in the middle of the JSON.</summary>
    public double TruncatedJsonRate { get; set; }

    /// <summary>Put the 407 text in <c>data</c> instead of <c>message</c>, as some servers do.</summary>
    public bool RateLimitTextInData { get; set; }

    /// <summary>The OAuth token endpoint answers every request with 400 "1111" unsupported_grant_type (reference 8.1.2), as when a proxy mangles the form.</summary>
    public bool TokenRejectsGrantType { get; set; }

    public QuirkOptions Clone() => (QuirkOptions)MemberwiseClone();
}
