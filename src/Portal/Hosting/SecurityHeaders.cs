namespace Portal.Hosting;

internal static class SecurityHeaders
{
    public static void UsePortalSecurityHeaders(this WebApplication app)
    {
        // Scripts only from the portal itself; inline styles for the theme's token overrides and Leaflet's
        // positioning; images also from the configured map tile server.
        var tiles = app.Configuration["Map:TileUrl"] is { } url ? new Components.Shared.MapOptions { TileUrl = url }.TileOrigin : new Components.Shared.MapOptions().TileOrigin;
        var contentSecurityPolicy =
            $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: {tiles}; " +
            "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            return next(context);
        });
    }
}
