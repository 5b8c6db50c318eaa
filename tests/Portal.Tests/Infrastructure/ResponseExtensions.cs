namespace Portal.Tests.Infrastructure;

public static class ResponseExtensions
{
    /// <summary>The redirect target as path and query, whether the portal wrote it absolute or relative.</summary>
    public static string RedirectPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
