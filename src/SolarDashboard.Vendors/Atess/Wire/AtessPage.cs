namespace SolarDashboard.Vendors.Atess.Wire;

/// <summary>
/// One page of a paged answer (<c>data.datas</c> with <c>pageNo</c>, <c>pageSize</c>, <c>total</c>). When the rows come
/// directly in <c>data</c>, <see cref="Total"/> is unknown and <see cref="HasMore"/> falls back to "the page was full".
/// </summary>
public sealed record AtessPage<T>(IReadOnlyList<T> Items, int PageNo, int PageSize, long? Total)
{
    /// <summary>Whether a later page may hold more rows.</summary>
    public bool HasMore => Total is { } total ? (long)PageNo * PageSize < total && Items.Count > 0 : Items.Count >= PageSize;
}
