namespace Portal.Hosting;

/// <summary>
/// App:PublicUrl, the one address in links that leave the portal, and the start-up checks that keep
/// the request's Host header out of them: outside Development and Testing the address must be
/// configured and AllowedHosts must name its host (and not be "*"), so requests for other hosts are refused.
/// </summary>
internal static class PublicUrlRegistration
{
    public const string Key = "App:PublicUrl";

    public static void AddPortalPublicUrl(this WebApplicationBuilder builder)
    {
        var configured = Configured(builder.Configuration);
        if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
        {
            if (configured is null)
                throw new InvalidOperationException(
                    $"Set {Key} to the portal's public address, e.g. https://laadpunten.gemeente.nl: every link in a mail starts with it (it replaces Bootstrap:PublicUrl).");
            var allowedHosts = builder.Configuration["AllowedHosts"] ?? "";
            if (!allowedHosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(pattern => Covers(pattern, configured.Host)))
                throw new InvalidOperationException(
                    $"Set AllowedHosts to the host names the portal answers on, {configured.Host} among them (now \"{allowedHosts}\"); requests for any other host are refused.");
        }
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

    // The patterns host filtering understands: a host name, or "*.example.nl" for its subdomains. "*" covers nothing here.
    private static bool Covers(string pattern, string host) =>
        string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)
        || (pattern.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase));
}
