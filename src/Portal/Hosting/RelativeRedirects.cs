namespace Portal.Hosting;

/// <summary>
/// Redirects to the portal itself leave as relative addresses ("/account/..."). Blazor's NavigateTo and the
/// log-in challenge write absolute ones built from the request's Host header, which the sender chooses; a
/// relative address cannot point anywhere else.
/// </summary>
internal static class RelativeRedirects
{
    public static void UseRelativeRedirects(this WebApplication app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (RelativeTo(context.Request, context.Response.Headers.Location.ToString()) is { } relative)
                    context.Response.Headers.Location = relative;
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>The location as a local path, when it points at the host of this request; otherwise null (left as it is).</summary>
    private static string? RelativeTo(HttpRequest request, string location)
    {
        var origin = $"{request.Scheme}://{request.Host.ToUriComponent()}";
        if (!location.StartsWith(origin, StringComparison.OrdinalIgnoreCase))
            return null;
        var rest = location[origin.Length..];
        return rest switch
        {
            "" => "/",
            // "//elsewhere" would be read as another host: such a location keeps its absolute form.
            ['/', '/' or '\\', ..] => null,
            ['/', ..] => rest,
            ['?' or '#', ..] => "/" + rest,
            _ => null,   // another port: "http://localhost:50801" after "http://localhost:5080"
        };
    }
}
