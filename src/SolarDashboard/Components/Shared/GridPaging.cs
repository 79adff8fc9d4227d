using MudBlazor;

namespace SolarDashboard.Components.Shared;

/// <summary>
/// What a MudDataGrid's ServerData asks for, answered on the server: the grid's column filters and sort order applied,
/// then one page cut out. The browser only ever gets the rows it shows.
/// </summary>
public static class GridPaging
{
    private static readonly FilterOptions CaseInsensitive = new() { FilterCaseSensitivity = DataGridFilterCaseSensitivity.CaseInsensitive };

    public static GridData<T> Page<T>(IEnumerable<T> items, GridState<T> state)
    {
        foreach (var filter in state.FilterDefinitions)
            items = items.Where(FilterExpressionGenerator.GenerateExpression(filter, CaseInsensitive).Compile());
        IOrderedEnumerable<T>? sorted = null;
        foreach (var sort in state.SortDefinitions.OrderBy(s => s.Index))
        {
            var comparer = sort.Comparer ?? Comparer<object?>.Default;
            sorted = (sorted, sort.Descending) switch
            {
                (null, false) => items.OrderBy(sort.SortFunc, comparer),
                (null, true) => items.OrderByDescending(sort.SortFunc, comparer),
                (_, false) => sorted.ThenBy(sort.SortFunc, comparer),
                (_, true) => sorted.ThenByDescending(sort.SortFunc, comparer),
            };
        }
        var all = (sorted ?? items).ToList();
        return new GridData<T> { TotalItems = all.Count, Items = all.Skip(state.Page * state.PageSize).Take(state.PageSize).ToList() };
    }
}
