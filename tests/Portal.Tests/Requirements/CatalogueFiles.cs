using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Persistence;
using Portal.Integration.Requirements;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Requirements;

/// <summary>Catalogue files made from the shipped one, and the steps the catalogue tests share.</summary>
internal static class CatalogueFiles
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The shipped catalogue with three edits: SC-5 allows 97 % instead of 98 % (thresholds changed), POR-48 is gone,
    /// and a new requirement G-99 is added to the ElaadNL set.
    /// </summary>
    public static string Newer()
    {
        var catalogue = JsonNode.Parse(RequirementCatalogueJson.SeedText())!.AsObject();
        var elaad = catalogue["sets"]![0]!["requirements"]!.AsArray();
        var programme = catalogue["sets"]![1]!["requirements"]!.AsArray();
        elaad.Single(r => (string?)r!["code"] == "SC-5")!["thresholds"]![0]!["min_percent"] = 97;
        programme.Remove(programme.Single(r => (string?)r!["code"] == "POR-48"));
        elaad.Add(new JsonObject
        {
            ["code"] = "G-99",
            ["seed_id"] = 99,
            ["section"] = "generic",
            ["seed_heading"] = "Generic requirements - all charge points",
            ["summary"] = "Status changes reach the portal within sixty seconds.",
            ["applies_to"] = new JsonArray("AC", "DC", "public"),
            ["standards"] = new JsonArray("OCPI 2.2.1"),
            ["modules"] = new JsonArray(),
            ["thresholds"] = new JsonArray(new JsonObject { ["metric"] = "status_latency", ["max_seconds"] = 60 }),
            ["verification"] = new JsonObject { ["kind"] = "ocpi-data", ["how"] = "Compare the EVSE status timestamps with the time of receipt." },
        });
        return catalogue.ToJsonString();
    }

    public static async Task<T> InScopeAsync<T>(this PortalAppFactory app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static Task<T> QueryCatalogueAsync<T>(this PortalAppFactory app, Func<PortalDbContext, Task<T>> query) =>
        app.InScopeAsync(services => query(services.GetRequiredService<PortalDbContext>()));
}
