using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Tests.Hosting;

/// <summary>
/// Outside Development and Testing the portal does not start without its public address and a matching
/// AllowedHosts; it stops before it touches a database. (<see cref="ProductionPortalFactory"/> starts with both.)
/// </summary>
public sealed class ConfiguringThePublicAddressTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("portal-tests-").FullName;

    [Theory]
    [InlineData("", "laadpunten.arnhem.example", "App:PublicUrl")]
    [InlineData("https://laadpunten.arnhem.example/portaal", "laadpunten.arnhem.example", "App:PublicUrl")]
    [InlineData("https://laadpunten.arnhem.example", "*", "AllowedHosts")]
    [InlineData("https://laadpunten.arnhem.example", "laadpunten.gemeente.example", "AllowedHosts")]
    public void InProduction_AMissingOrMismatchedAddress_StopsTheStart(string publicUrl, string allowedHosts, string named)
    {
        using var factory = Production(publicUrl, allowedHosts);

        var refused = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> Production(string publicUrl, string allowedHosts) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("App:DataDirectory", _dataFolder);
            web.UseSetting("Jobs:Enabled", "false");
            web.UseSetting("App:PublicUrl", publicUrl);
            web.UseSetting("AllowedHosts", allowedHosts);
        });

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file can stay locked for a moment after the host stops; the OS cleans temp.
        }
    }
}
