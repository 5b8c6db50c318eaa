using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Integration.Accounts;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Tests.Usage;

/// <summary>
/// A municipality with its officer, a CPO with its user and OCPI connection, and hand-made sessions and CDRs, saved
/// straight into the test's database as the puller would leave them.
/// </summary>
internal sealed class UsageTestData(PortalAppFactory app, string municipalityCode, string municipalityName, string party, string operatorName)
{
    private static readonly Wire.CdrToken Token = new("NL", "EMP", "TOKEN1", "RFID", "NL-EMP-C00000001-X");

    public Guid MunicipalityId { get; private set; }
    public Guid OperatorId { get; private set; }
    public Guid ConnectionId { get; private set; }
    public string Officer => $"ambtenaar@{party.ToLowerInvariant()}.example";
    public string CpoUser => $"cpo@{party.ToLowerInvariant()}.example";

    public async Task<UsageTestData> SetUpAsync()
    {
        MunicipalityId = await OfficerTestData.MunicipalityAsync(app, municipalityCode, municipalityName);
        await OfficerTestData.UserAsync(app, Officer, "Olga " + municipalityName, PortalRoles.Officer, MunicipalityId);
        OperatorId = await app.RegisterOperatorAsync(operatorName, "NL*" + party);
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = CpoUser, Email = CpoUser, EmailConfirmed = true, DisplayName = "Cas " + operatorName, CreatedAtUtc = DateTime.UtcNow, OperatorId = OperatorId };
        Assert.True((await users.CreateAsync(user, PortalAppFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.CpoUser)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var connection = OcpiConnection.RegisterCpo("NL", party, operatorName, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(party))).ToLowerInvariant(), DateTime.UtcNow);
        db.OcpiConnections.Add(connection);
        await db.SaveChangesAsync();
        ConnectionId = connection.Id;
        return this;
    }

    /// <summary>A location with OCPI id <paramref name="ocpiId"/> and EVSEs "{ocpiId}-1", "-2", … (EVSE ids NL*PARTY*E{ocpiId}{n}).</summary>
    public async Task<Guid> LocationAsync(string ocpiId, string address, string postcode, int evses)
    {
        var details = new ChargeLocationDetails("OCPI", $"NL*{party}*{ocpiId}", ocpiId, operatorName, "NL*" + party, $"Laadlocatie {address}", address, postcode, municipalityName,
            new GeoPoint(51.95, 5.97), 11_000, LocationStatus.Available, DateTime.UtcNow,
            [.. Enumerable.Range(1, evses).Select(i => new EvseDetails($"{ocpiId}-{i}", $"NL*{party}*E{ocpiId}{i}", EvseStatus.Available, 1, ["IEC_62196_T2"], PowerType.Ac3Phase, 11_000, DateTime.UtcNow))]);
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var location = ChargeLocation.Register(MunicipalityId, details, DateTime.UtcNow);
        location.LinkOperator(OperatorId);
        db.ChargeLocations.Add(location);
        await db.SaveChangesAsync();
        return location.Id;
    }

    public Task SessionAsync(string id, string location, string evseUid, DateTime start, DateTime? end, decimal kwh) =>
        SaveAsync(db =>
        {
            var session = new Wire.Session("NL", party, id, start, end, kwh, Token, "WHITELIST", null, location, evseUid, "1", null, "EUR", null, null,
                end is null ? "ACTIVE" : "COMPLETED", end ?? start);
            var record = OcpiSessionRecord.Create(ConnectionId, $"NL*{party}*{id}");
            record.Apply(session, "[]", end ?? start, end ?? start);
            db.OcpiSessions.Add(record);
        });

    public Task CdrAsync(string id, string? sessionId, string location, string evseUid, DateTime start, DateTime end, decimal kwh, decimal? parkingHours = null) =>
        SaveAsync(db =>
        {
            var cdr = new Wire.Cdr("NL", party, id, start, end, sessionId, Token, "WHITELIST", null,
                new Wire.CdrLocation(location, null, "Straat 1", municipalityName, null, null, "NLD", new Wire.GeoLocation("51.950000", "5.970000"), evseUid, evseUid, "1", "IEC_62196_T2", "SOCKET", "AC_3_PHASE"),
                null, "EUR", null, null, null, new Wire.Price(kwh * 0.5m, null), null, kwh, null, (decimal)(end - start).TotalHours, null, parkingHours, null, null, null, null, null, null, null, end);
            var record = OcpiCdrRecord.Create(ConnectionId, $"NL*{party}*{id}");
            record.Apply(cdr, "[]", end, end);
            db.OcpiCdrs.Add(record);
        });

    private async Task SaveAsync(Action<PortalDbContext> add)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }
}
