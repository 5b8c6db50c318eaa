using Portal.Domain.Common;
using Portal.Domain.Municipalities;
using Portal.Features.ChargePoints;

namespace Portal.Hosting;

/// <summary>
/// One-off commands for operators, run instead of the web server:
///   migrate                                              apply pending database migrations
///   import-chargepoints GM0202 locations.csv [evses.csv]  load a municipality's charge points (NDW CSV or GeoJSON)
/// </summary>
internal static class PortalCommands
{
    private static readonly string[] Known = ["migrate", "import-chargepoints"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Known.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args[0])
        {
            case "migrate":
                await app.MigrateDatabaseAsync();
                app.Logger.LogInformation("The database is up to date.");
                return 0;
            case "import-chargepoints" when args.Length is 3 or 4:
                return await ImportChargePointsAsync(app, args[1], args[2], args.Length == 4 ? args[3] : null);
            default:
                await Console.Error.WriteLineAsync("Usage: migrate | import-chargepoints <GMxxxx> <locations.csv|.geojson> [evses.csv]");
                return 2;
        }
    }

    private static async Task<int> ImportChargePointsAsync(WebApplication app, string code, string file, string? evseFile)
    {
        await app.MigrateDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ChargePointImport>();
        Municipality? municipality;
        try
        {
            municipality = await import.FindMunicipalityAsync(MunicipalityCode.Parse(code));
        }
        catch (DomainRuleViolated e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        if (municipality is null)
        {
            await Console.Error.WriteLineAsync($"No municipality {code}: an administrator registers it first (Gemeenten).");
            return 2;
        }
        await using var stream = File.OpenRead(file);
        await using var evses = evseFile is null ? null : File.OpenRead(evseFile);
        var report = Path.GetExtension(file).ToLowerInvariant() is ".geojson" or ".json"
            ? await import.ImportGeoJsonAsync(municipality, stream)
            : await import.ImportCsvAsync(municipality, stream, evses);
        Console.WriteLine($"{municipality.Name}: {report.Created} created, {report.Updated} updated, {report.Rejected.Count} rejected");
        foreach (var rejected in report.Rejected)
            Console.WriteLine($"  line {rejected.Line} {rejected.SourceId}: {rejected.Reason}");
        return 0;
    }
}
