using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>
/// The portal with short OCPI back-offs, so fault tests run in moments. The attempt timeout stays long: on a busy
/// machine a short one would send a request twice and break every test that counts requests.
/// </summary>
public class OcpiPullAppFactory : PortalAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ocpi:Client:AttemptTimeout"] = "00:00:30",
        ["Ocpi:Client:FirstBackOff"] = "00:00:00.010",
        ["Ocpi:Client:MaxRetryAttempts"] = "3",
        ["Ocpi:Client:MaxRetryAfter"] = "00:00:05",
        ["Ocpi:Client:CircuitMinimumThroughput"] = CircuitMinimumThroughput,
        ["Ocpi:Client:CircuitFailureRatio"] = "0.3",
        ["Ocpi:Client:CircuitSamplingDuration"] = "00:00:30",
        ["Ocpi:Client:CircuitBreakDuration"] = "00:00:30",
        ["Ocpi:Client:PageLimit"] = "50",
    };

    protected virtual string CircuitMinimumThroughput => "1000";

    public const string OurVersionsUrl = "http://localhost/ocpi/versions";

    /// <summary>The portal registers with the fake CPO (as the admin form does); returns the connection id.</summary>
    internal async Task<Guid> ConnectAsync(FakeCpo cpo, string name = "Fake CPO")
    {
        using var scope = App.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<OcpiPartners>()
            .RegisterAsync(cpo.VersionsUrl, cpo.TokenA, cpo.CountryCode, cpo.PartyId, name, OurVersionsUrl);
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.ConnectionId!.Value;
    }

    internal async Task<PullReport> PullAsync(Guid connectionId, OcpiModule module, PullMode mode = PullMode.Incremental)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OcpiPuller>().PullAsync(connectionId, module, mode);
    }

    internal async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        using var scope = App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Our Arnhem fixture as one of this CPO's locations, with its own id, address, EVSE uids and last_updated.</summary>
    internal static JsonObject Location(FakeCpo cpo, string id, DateTime lastUpdated, int evses = 2, string status = "AVAILABLE")
    {
        var location = OcpiPartner.Location(id, $"Pullstraat {id}");
        location["country_code"] = cpo.CountryCode;
        location["party_id"] = cpo.PartyId;
        var template = location["evses"]![0]!.AsObject();
        var list = new JsonArray();
        var stamp = OcpiJson.FormatDateTime(lastUpdated);
        for (var i = 1; i <= evses; i++)
        {
            var evse = template.DeepClone().AsObject();
            evse["uid"] = $"{id}-E{i}";
            evse["evse_id"] = $"NL*{cpo.PartyId}*E{id.Replace("-", "", StringComparison.Ordinal)}{i}";
            evse["status"] = status;
            evse["last_updated"] = stamp;
            foreach (var connector in evse["connectors"]!.AsArray())
                connector!["last_updated"] = stamp;
            list.Add(evse);
        }
        location["evses"] = list;
        location["last_updated"] = stamp;
        return location;
    }

    internal static JsonObject Session(string id, DateTime lastUpdated, decimal kwh = 1.5m, string status = "ACTIVE") => new()
    {
        ["country_code"] = "NL",
        ["party_id"] = "FKE",
        ["id"] = id,
        ["start_date_time"] = "2026-03-01T08:00:00Z",
        ["kwh"] = kwh,
        ["cdr_token"] = new JsonObject { ["country_code"] = "NL", ["party_id"] = "MSP", ["uid"] = "SECRET-UID", ["type"] = "RFID", ["contract_id"] = "NL-MSP-C12345678-X" },
        ["auth_method"] = "WHITELIST",
        ["location_id"] = "LOC1",
        ["evse_uid"] = "LOC1-E1",
        ["connector_id"] = "1",
        ["currency"] = "EUR",
        ["status"] = status,
        ["last_updated"] = OcpiJson.FormatDateTime(lastUpdated),
    };

    internal static async Task<int> CountAsync<T>(PortalDbContext db, Func<IQueryable<T>, IQueryable<T>> filter) where T : class =>
        await filter(db.Set<T>()).CountAsync();
}
