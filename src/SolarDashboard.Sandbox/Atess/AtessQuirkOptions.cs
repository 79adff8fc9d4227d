namespace SolarDashboard.Sandbox.Atess;

/// <summary>Opt-in answers real ATESS clients cope with. All off by default.</summary>
public sealed class AtessQuirkOptions
{
    /// <summary>Every number inside <c>data</c> sent as a string ("12.5").</summary>
    public bool NumbersAsStrings { get; set; }

    /// <summary>History rows directly in <c>data</c> (an array) instead of <c>data.datas</c> with the pager fields.</summary>
    public bool RowsInData { get; set; }

    /// <summary>Share of fields left out of each object in <c>data</c> (deviceSn and time always stay).</summary>
    public double MissingFieldRate { get; set; }

    /// <summary>Share of requests answered by an HTML error page (HTTP 502) instead of JSON.</summary>
    public double HtmlErrorPageRate { get; set; }

    /// <summary>Share of requests refused with the "no access" answer (code 403) although the account owns the device.</summary>
    public double ForbiddenRate { get; set; }

    /// <summary>Success answered with <c>code</c> 200 and an empty <c>msg</c>, as the reference's text documents, instead of 0.</summary>
    public bool SuccessCode200 { get; set; }

    public AtessQuirkOptions Clone() => (AtessQuirkOptions)MemberwiseClone();
}
