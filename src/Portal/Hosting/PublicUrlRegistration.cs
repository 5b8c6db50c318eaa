namespace Portal.Hosting;

/// <summary>App:PublicUrl, the one address in links that leave the portal; a malformed one stops the start.</summary>
internal static class PublicUrlRegistration
{
    public const string Key = "App:PublicUrl";

    public static void AddPortalPublicUrl(this WebApplicationBuilder builder)
    {
        Configured(builder.Configuration);
        builder.Services.AddSingleton<PublicUrl>();
    }

    /// <summary>The configured address, or null; a malformed one stops the start.</summary>
    public static Uri? Configured(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new InvalidOperationException($"{Key} must be an absolute http or https address without a path, like https://laadpunten.gemeente.nl (now \"{value}\").");
        return uri;
    }
}
