using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Integration.Ocpi.Client;

/// <summary>The pagination headers of one page: Link rel="next", X-Total-Count and X-Limit, and the call's X-Request-ID.</summary>
public sealed record OcpiPageHeaders(string? NextUrl, int? TotalCount, int? Limit, string RequestId);

/// <summary>One page of a paginated list: its objects, read once, and its headers.</summary>
public sealed record OcpiPage<T>(IReadOnlyList<OcpiObject<T>> Items, OcpiPageHeaders Headers)
    where T : class;

/// <summary>Where a paginated OCPI list starts and where its next page is (offset/limit, Link, X-Total-Count).</summary>
public static class OcpiPaging
{
    public const int MaxPages = 100_000;

    public static string FirstPage(string endpoint, DateTime? dateFrom, DateTime? dateTo, int limit)
    {
        var query = new Dictionary<string, string?>();
        if (dateFrom is { } from)
            query["date_from"] = OcpiJson.FormatDateTime(from);
        if (dateTo is { } to)
            query["date_to"] = OcpiJson.FormatDateTime(to);
        query["offset"] = "0";
        query["limit"] = limit.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(endpoint, query);
    }

    /// <summary>
    /// The next page: Link rel="next" when given. When X-Total-Count shrank, objects before our offset left
    /// the window, so the same offset minus the shrink is read again first (repeats are stored once).
    /// Without Link, a server that still reports more objects than we have read is asked for the rest.
    /// </summary>
    public static string? NextPage(string current, OcpiPageHeaders page, int count, ref int? previousTotal)
    {
        ArgumentNullException.ThrowIfNull(page);
        var offset = Offset(current);
        if (previousTotal is { } before && page.TotalCount is { } total && total < before && offset is > 0)
        {
            previousTotal = total;
            return WithOffset(current, Math.Max(0, offset.Value - (before - total)));
        }
        previousTotal = page.TotalCount ?? previousTotal;
        if (page.NextUrl is { } next)
        {
            // The next page is on the same server: a Link elsewhere would make us send the CPO's token there.
            var here = new Uri(current);
            if (!Uri.TryCreate(here, next, out var uri) || uri.Scheme != here.Scheme || !string.Equals(uri.Authority, here.Authority, StringComparison.OrdinalIgnoreCase))
                throw new OcpiCallException(OcpiCallFailure.InvalidResponse, $"the Link to the next page ({next}) leaves the CPO's server", page.RequestId);
            return uri.ToString();
        }
        if (page.TotalCount is { } all && offset is { } at && count > 0 && at + count < all)
            return WithOffset(current, at + count);
        return null;
    }

    private static int? Offset(string url)
    {
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        return query.TryGetValue("offset", out var value) && int.TryParse(value.ToString(), CultureInfo.InvariantCulture, out var offset) ? offset : 0;
    }

    private static string WithOffset(string url, int offset)
    {
        var uri = new Uri(url);
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query["offset"] = offset.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(uri.GetLeftPart(UriPartial.Path), query);
    }
}
