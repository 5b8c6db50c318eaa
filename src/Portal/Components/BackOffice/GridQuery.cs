using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace Portal.Components.BackOffice;

/// <summary>
/// What a back-office grid asks of the database (quick search, one sort column, one page) and
/// what its URL keeps, so that a filtered view can be bookmarked and sent to a colleague.
/// <see cref="Page"/> counts from zero like MudDataGrid; the URL counts from one like people do.
/// </summary>
public sealed record GridQuery(string? Search, string? Sort, bool Descending, int Page, int PageSize)
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [25, 50, 100];

    public static GridQuery Default { get; } = new(null, null, false, 0, DefaultPageSize);

    public int Skip => Page * PageSize;

    /// <summary>The sort column in lower case, for the query's switch over the columns it allows.</summary>
    public string? SortKey => Sort?.ToLowerInvariant();

    public static GridQuery From<T>(GridState<T> state, string? search)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new GridQuery(Normalise(search), sort?.SortBy, sort?.Descending ?? false, Math.Max(0, state.Page), Size(state.PageSize));
    }

    /// <summary>Reads the grid's state from a page address; anything missing or malformed takes its default.</summary>
    public static GridQuery FromUri(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Value(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
        var page = int.TryParse(Value("pagina"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p - 1 : 0;
        var size = int.TryParse(Value("per"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? Size(s) : DefaultPageSize;
        var sort = Value("sorteer") is { Length: > 0 and <= 40 } sortBy && sortBy.All(char.IsAsciiLetterOrDigit) ? sortBy : null;
        return new GridQuery(Normalise(Value("zoek")), sort, sort is not null && Value("aflopend") == "1", page, size);
    }

    /// <summary>The page address with this state; defaults are left out so the plain address stays plain.</summary>
    public string ToUri(string path, IReadOnlyDictionary<string, string?>? filters = null)
    {
        var parts = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Search is not null) parts["zoek"] = Search;
        if (Sort is not null) parts["sorteer"] = Sort;
        if (Sort is not null && Descending) parts["aflopend"] = "1";
        if (Page > 0) parts["pagina"] = (Page + 1).ToString(CultureInfo.InvariantCulture);
        if (PageSize != DefaultPageSize) parts["per"] = PageSize.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in filters ?? new Dictionary<string, string?>())
            if (!string.IsNullOrEmpty(value)) parts[key] = value;
        return QueryHelpers.AddQueryString(path, parts);
    }

    /// <summary>The direction a column starts in when the address names it as the sort column.</summary>
    public SortDirection DirectionOf(string column) =>
        string.Equals(Sort, column, StringComparison.OrdinalIgnoreCase) ? (Descending ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    private static string? Normalise(string? search) => search?.Trim() is { Length: > 0 } s ? s[..Math.Min(s.Length, 100)] : null;

    private static int Size(int size) => PageSizes.Contains(size) ? size : DefaultPageSize;
}

/// <summary>One page of a grid's rows and how many rows match in all.</summary>
public sealed record GridPage<T>(IReadOnlyList<T> Items, int Total)
{
    public GridData<T> ToGridData() => new() { Items = Items, TotalItems = Total };
}
