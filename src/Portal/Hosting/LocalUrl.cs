namespace Portal.Hosting;

/// <summary>Guards redirects after log-in and language switches against open redirects.</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal);

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
