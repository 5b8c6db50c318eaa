using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Client;

/// <summary>
/// The portal's side of the credentials module as the party that calls (NOTES 3): registering with a
/// CPO from the token A an admin entered, discovering its endpoints, rotating and unregistering.
/// </summary>
public sealed class OcpiPartners(
    PortalDbContext db,
    OcpiClient client,
    OcpiResiliencePipelines pipelines,
    IDataProtectionProvider dataProtection,
    IOptions<OcpiOptions> options,
    IOcpiConnectionAlerts alerts,
    TimeProvider clock,
    ILogger<OcpiPartners> logger)
{
    public const string SupportedVersion = "2.2.1";

    private IDataProtector Protector => dataProtection.CreateProtector(OcpiConnections.PartnerTokenPurpose);

    /// <summary>
    /// Registers the portal with a CPO: discovery with token A, then our credentials POSTed to the CPO's
    /// credentials endpoint with a fresh token for it to call us with (only its hash is kept); the token
    /// the CPO returns is what we call it with from then on. <paramref name="ourVersionsUrl"/> is the
    /// portal's own versions URL as the CPO must reach it.
    /// </summary>
    public async Task<PartnerOutcome> RegisterAsync(string versionsUrl, string tokenA, string countryCode, string partyId, string name, string ourVersionsUrl, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(versionsUrl?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return PartnerOutcome.Failed("the versions URL must be an absolute http(s) URL");
        OcpiConnection connection;
        try
        {
            connection = OcpiConnection.StartOutgoingRegistration(countryCode, partyId, name, url.ToString(), clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainRuleViolated e)
        {
            return PartnerOutcome.Failed(e.Message);
        }
        var duplicate = await db.OcpiConnections.AnyAsync(c =>
            c.CountryCode == connection.CountryCode && c.PartyId == connection.PartyId && c.Status != OcpiConnectionStatus.Revoked, ct);
        if (duplicate)
            return PartnerOutcome.Failed($"a live connection with {connection.CountryCode}*{connection.PartyId} exists already");

        try
        {
            var discovery = await DiscoverAsync(connection.Id, url.ToString(), tokenA.Trim(), ct);
            var credentialsUrl = discovery.Endpoints.FirstOrDefault(e => e.Identifier == "credentials")?.Url
                ?? throw new OcpiCallException(OcpiCallFailure.InvalidResponse, "the CPO lists no credentials endpoint", null);
            var ourToken = OcpiTokens.Generate();
            var answer = await client.SendAsync<Credentials>(connection.Id, HttpMethod.Post, credentialsUrl, tokenA.Trim(), OurCredentials(ourToken, ourVersionsUrl), ct);
            var theirs = Check(answer.Data, answer.RequestId);
            var now = clock.GetUtcNow().UtcDateTime;
            connection.CompleteOutgoingRegistration(OcpiTokens.Hash(ourToken), Protect(theirs), now);
            db.OcpiConnections.Add(connection);
            Store(connection, discovery, now);
            await db.SaveChangesAsync(ct);
        }
        catch (OcpiCallException e)
        {
            logger.LogWarning(e, "Registering with the CPO at {Url} failed", url);
            return PartnerOutcome.Failed(e.Message, e.RequestId);
        }

        // The CPO may offer other endpoints to a registered party than to token A.
        await TestAsync(connection.Id, ct);
        return PartnerOutcome.Ok(connection.Id);
    }

    /// <summary>
    /// "Test connection": versions and version details again with our token, the endpoints replaced.
    /// A 401 makes the connection Failing; success makes a failing one Connected.
    /// </summary>
    public async Task<PartnerOutcome> TestAsync(Guid connectionId, CancellationToken ct = default)
    {
        var connection = await db.OcpiConnections.FirstOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null)
            return PartnerOutcome.Failed("unknown connection");
        if (PartnerToken(connection) is not { } token || connection.PartnerVersionsUrl is null)
            return PartnerOutcome.Failed("this connection has no credentials to call the CPO with");
        try
        {
            var discovery = await DiscoverAsync(connection.Id, connection.PartnerVersionsUrl, token, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            Store(connection, discovery, now);
            connection.MarkPartnerReachable(now);
            await db.SaveChangesAsync(ct);
            return PartnerOutcome.Ok(connection.Id);
        }
        catch (OcpiCallException e)
        {
            await RecordFailureAsync(connection, e, ct);
            return PartnerOutcome.Failed(e.Message, e.RequestId);
        }
    }

    /// <summary>Credentials PUT at the CPO: a new token for it to call us with, and the one it returns.</summary>
    public async Task<PartnerOutcome> RotateAsync(Guid connectionId, string ourVersionsUrl, CancellationToken ct = default)
    {
        var connection = await db.OcpiConnections.FirstOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null || PartnerToken(connection) is not { } token)
            return PartnerOutcome.Failed("this connection has no credentials to call the CPO with");
        var credentialsUrl = await EndpointAsync(connectionId, "credentials", null, ct);
        if (credentialsUrl is null)
            return PartnerOutcome.Failed("the CPO lists no credentials endpoint; test the connection first");
        try
        {
            var ourToken = OcpiTokens.Generate();
            var answer = await client.SendAsync<Credentials>(connection.Id, HttpMethod.Put, credentialsUrl, token, OurCredentials(ourToken, ourVersionsUrl), ct);
            var theirs = Check(answer.Data, answer.RequestId);
            connection.RotateOutgoing(OcpiTokens.Hash(ourToken), Protect(theirs), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return PartnerOutcome.Ok(connection.Id);
        }
        catch (OcpiCallException e)
        {
            await RecordFailureAsync(connection, e, ct);
            return PartnerOutcome.Failed(e.Message, e.RequestId);
        }
    }

    /// <summary>
    /// Unregisters: a credentials DELETE at the CPO (when we can still call it), then the connection is
    /// revoked here whatever the CPO answered; the answer is reported.
    /// </summary>
    public async Task<PartnerOutcome> UnregisterAsync(Guid connectionId, CancellationToken ct = default)
    {
        var connection = await db.OcpiConnections.FirstOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null)
            return PartnerOutcome.Failed("unknown connection");
        PartnerOutcome outcome = PartnerOutcome.Ok(connectionId);
        if (connection.Status != OcpiConnectionStatus.Revoked && PartnerToken(connection) is { } token
            && await EndpointAsync(connectionId, "credentials", null, ct) is { } credentialsUrl)
        {
            try
            {
                await client.SendAsync<JsonElement?>(connection.Id, HttpMethod.Delete, credentialsUrl, token, null, ct);
            }
            catch (OcpiCallException e)
            {
                logger.LogWarning(e, "Credentials DELETE at connection {Connection} failed", connectionId);
                outcome = PartnerOutcome.Failed(e.Message, e.RequestId);
            }
        }
        connection.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>The partner's token in clear text, or null.</summary>
    public string? PartnerToken(OcpiConnection connection) =>
        connection.PartnerTokenProtected is { } protectedToken ? Protector.Unprotect(protectedToken) : null;

    /// <summary>The URL of a discovered module endpoint (role null: any role, as for credentials).</summary>
    public async Task<string?> EndpointAsync(Guid connectionId, string identifier, string? role, CancellationToken ct = default) =>
        await db.OcpiPartnerEndpoints.AsNoTracking()
            .Where(e => e.ConnectionId == connectionId && e.Identifier == identifier && (role == null || e.Role == role))
            .Select(e => e.Url).FirstOrDefaultAsync(ct);

    public bool IsCircuitOpen(Guid connectionId) => pipelines.IsOpen(connectionId);

    /// <summary>
    /// Records a failed call; a 401 makes the connection Failing, which the admin page shows. When it
    /// becomes Failing the admins are alerted in the same unit of work as the status change.
    /// </summary>
    public async Task RecordFailureAsync(OcpiConnection connection, OcpiCallException e, CancellationToken ct)
    {
        if (connection.RecordError(e.Message, e.RequestId, e.Failure == OcpiCallFailure.Unauthorized, clock.GetUtcNow().UtcDateTime))
            await alerts.ConnectionFailingAsync(connection, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>GET versions, pick 2.2.1, GET its details (NOTES 2: never hard-code module URLs).</summary>
    private async Task<Discovery> DiscoverAsync(Guid connectionId, string versionsUrl, string token, CancellationToken ct)
    {
        var versions = await client.GetAsync<List<OcpiVersion>>(connectionId, versionsUrl, token, ct);
        var chosen = versions.Data!.FirstOrDefault(v => v.Version == SupportedVersion)
            ?? throw new OcpiCallException(OcpiCallFailure.InvalidResponse,
                $"the CPO offers no OCPI {SupportedVersion} (it offers {string.Join(", ", versions.Data!.Select(v => v.Version))})", versions.RequestId);
        var details = await client.GetAsync<VersionDetails>(connectionId, chosen.Url, token, ct);
        var endpoints = (details.Data!.Endpoints ?? [])
            .Where(e => !string.IsNullOrWhiteSpace(e.Identifier) && !string.IsNullOrWhiteSpace(e.Url) && Uri.IsWellFormedUriString(e.Url, UriKind.Absolute))
            .DistinctBy(e => (e.Identifier, e.Role))
            .ToList();
        return new Discovery(JsonSerializer.Serialize(versions.Data, OcpiJson.Options), chosen, endpoints);
    }

    private void Store(OcpiConnection connection, Discovery discovery, DateTime now)
    {
        connection.RecordDiscovery(discovery.VersionsJson, discovery.Chosen.Version, discovery.Chosen.Url, now);
        db.OcpiPartnerEndpoints.RemoveRange(db.OcpiPartnerEndpoints.Where(e => e.ConnectionId == connection.Id));
        foreach (var endpoint in discovery.Endpoints)
            db.OcpiPartnerEndpoints.Add(OcpiPartnerEndpoint.Create(connection.Id, endpoint.Identifier, (endpoint.Role ?? "").ToUpperInvariant(), endpoint.Url));
    }

    private Credentials OurCredentials(string token, string ourVersionsUrl)
    {
        var portal = options.Value;
        return new Credentials(token, ourVersionsUrl,
            [new CredentialsRole("OTHER", new BusinessDetails(portal.Name, null, null), portal.PartyId, portal.CountryCode)]);
    }

    private static Credentials Check(Credentials? theirs, string requestId)
    {
        if (theirs is null || string.IsNullOrEmpty(theirs.Token) || theirs.Token.Length > 64 || !theirs.Token.All(c => c is >= '!' and <= '~'))
            throw new OcpiCallException(OcpiCallFailure.InvalidResponse, "the CPO's credentials carry no usable token", requestId);
        if (!Uri.TryCreate(theirs.Url, UriKind.Absolute, out _))
            throw new OcpiCallException(OcpiCallFailure.InvalidResponse, "the CPO's credentials carry no absolute versions URL", requestId);
        return theirs;
    }

    private PartnerCredentials Protect(Credentials partner) =>
        new(Protector.Protect(partner.Token), partner.Url, JsonSerializer.Serialize(partner.Roles ?? [], OcpiJson.Options));

    private sealed record Discovery(string VersionsJson, OcpiVersion Chosen, IReadOnlyList<Contracts.Endpoint> Endpoints);
}

/// <summary>What a call to the partner came to: ok, or the error with the X-Request-ID of the failing call.</summary>
public sealed record PartnerOutcome(bool Succeeded, Guid? ConnectionId, string? Error, string? RequestId)
{
    public static PartnerOutcome Ok(Guid connectionId) => new(true, connectionId, null, null);

    public static PartnerOutcome Failed(string error, string? requestId = null) => new(false, null, error, requestId);
}
