using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Portal.Hosting;

/// <summary>
/// The portal's public address (App:PublicUrl): the start of every link in a mail and of every address
/// the portal gives a partner. Never taken from a request, whose Host header the sender chooses.
/// Without a configured address (allowed in Development and Testing only, see <see cref="PublicUrlRegistration"/>)
/// it is the address the server listens on.
/// </summary>
internal sealed class PublicUrl(IConfiguration configuration, IServer server)
{
    /// <summary>The address without a trailing slash, e.g. <c>https://laadpunten.arnhem.nl</c>.</summary>
    public string Root => (PublicUrlRegistration.Configured(configuration)?.ToString() ?? Listening()).TrimEnd('/');

    /// <summary>The absolute URL of a path (with its query) on the portal.</summary>
    public string For(string pathAndQuery) => $"{Root}/{pathAndQuery.TrimStart('/')}";

    /// <summary>
    /// The first address the server listens on once it runs (plain HTTP first; a wildcard host becomes
    /// localhost); before it runs (the first administrator's invitation at start-up) the address it was
    /// told to listen on; else Kestrel's default.
    /// </summary>
    private string Listening() =>
        ListeningAddress.Of(server)
        ?? ListeningAddress.Pick(configuration[WebHostDefaults.ServerUrlsKey]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
        ?? "http://localhost:5000";
}

/// <summary>Where this process listens, for links to itself where no public address is configured.</summary>
internal static class ListeningAddress
{
    private static readonly string[] Wildcards = ["://*", "://+", "://[::]", "://0.0.0.0"];

    /// <summary>The first address the running server listens on, without a trailing slash; null before it listens.</summary>
    public static string? Of(IServer server) => Pick(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);

    public static string? Pick(IEnumerable<string> addresses)
    {
        var address = addresses.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (address is null)
            return null;
        foreach (var wildcard in Wildcards)
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return address.TrimEnd('/');
    }
}
