namespace Portal.Integration.Persistence;

/// <summary>
/// The LIKE pattern of a search box: "contains", lower-cased, and what was typed taken literally on every
/// provider. Pass <see cref="Escape"/> as the escape character. SQL Server also reads <c>[</c> as a wildcard;
/// the column side is lowered in the query as well (<c>ToLower()</c>), so a search does not depend on the
/// database's collation (SQL Server's default is case-insensitive, PostgreSQL's and SQLite's are not).
/// </summary>
public static class SearchPattern
{
    public const string Escape = "\\";

    public static string Contains(string text) => $"%{Literal(text.ToLowerInvariant())}%";

    public static string Literal(string text) => text
        .Replace(Escape, Escape + Escape, StringComparison.Ordinal)
        .Replace("%", Escape + "%", StringComparison.Ordinal)
        .Replace("_", Escape + "_", StringComparison.Ordinal)
        .Replace("[", Escape + "[", StringComparison.Ordinal);
}
