namespace SolarDashboard.Core.Redex;

/// <summary>A certificate period and the day its production must be in: January–June by 31 May of the next year, July–December by 30 September.</summary>
public sealed record CertificateDeadline(DateOnly From, DateOnly To, DateOnly Due)
{
    /// <summary>The next <paramref name="count"/> deadlines not yet passed on <paramref name="today"/>, earliest first.</summary>
    public static IReadOnlyList<CertificateDeadline> Next(DateOnly today, int count = 2)
    {
        var result = new List<CertificateDeadline>();
        for (var year = today.Year - 2; result.Count < count; year++)
        {
            foreach (var d in new[]
            {
                new CertificateDeadline(new DateOnly(year, 1, 1), new DateOnly(year, 6, 30), new DateOnly(year + 1, 5, 31)),
                new CertificateDeadline(new DateOnly(year, 7, 1), new DateOnly(year, 12, 31), new DateOnly(year + 1, 9, 30)),
            })
                if (d.Due >= today && result.Count < count) result.Add(d);
        }
        return result.OrderBy(d => d.Due).ToList();
    }
}
