using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Connections;

/// <summary>Registers partner connections and finds the one behind an incoming token.</summary>
public sealed class OcpiConnections(PortalDbContext db, TimeProvider clock, IDataProtectionProvider dataProtection)
{
    /// <summary>The Data Protection purpose for the partners' tokens (the ones we call them with).</summary>
    public const string PartnerTokenPurpose = "Portal.Ocpi.PartnerToken";

    /// <summary>"Last reached" is written at most this often, so not every OCPI request is a database write.</summary>
    public static readonly TimeSpan ReachedGranularity = TimeSpan.FromMinutes(1);

    private IDataProtector Protector => dataProtection.CreateProtector(PartnerTokenPurpose);

    /// <summary>Registers a CPO and returns its token in clear text: the only time it is ever available.</summary>
    public async Task<RegisteredConnection> RegisterCpoAsync(string countryCode, string partyId, string name, CancellationToken ct = default)
    {
        var token = OcpiTokens.Generate();
        var connection = OcpiConnection.RegisterCpo(countryCode, partyId, name, OcpiTokens.Hash(token), clock.GetUtcNow().UtcDateTime);
        db.OcpiConnections.Add(connection);
        await db.SaveChangesAsync(ct);
        return new RegisteredConnection(connection.Id, token);
    }

    /// <summary>
    /// Issues a CREDENTIALS_TOKEN_A for a new CPO party: a pending connection with only the token's hash.
    /// Null when a live (not revoked) connection for that party exists already.
    /// </summary>
    public async Task<RegisteredConnection?> IssueTokenAAsync(string countryCode, string partyId, string name, CancellationToken ct = default)
    {
        var token = OcpiTokens.Generate();
        var connection = OcpiConnection.IssueTokenA(countryCode, partyId, name, OcpiTokens.Hash(token), clock.GetUtcNow().UtcDateTime);
        var duplicate = await db.OcpiConnections.AnyAsync(c =>
            c.CountryCode == connection.CountryCode && c.PartyId == connection.PartyId && c.Status != OcpiConnectionStatus.Revoked, ct);
        if (duplicate)
            return null;
        db.OcpiConnections.Add(connection);
        await db.SaveChangesAsync(ct);
        return new RegisteredConnection(connection.Id, token);
    }

    /// <summary>
    /// A token A for the party's live connection, issuing one first when there is none: the existing
    /// connection is kept (its old tokens stop working) so a partner that lost its credentials can
    /// register again without a second connection appearing.
    /// </summary>
    public async Task<RegisteredConnection> IssueOrReissueTokenAAsync(string countryCode, string partyId, string name, CancellationToken ct = default)
    {
        var country = countryCode.Trim().ToUpperInvariant();
        var party = partyId.Trim().ToUpperInvariant();
        var existing = await db.OcpiConnections
            .Where(c => c.CountryCode == country && c.PartyId == party && c.Status != OcpiConnectionStatus.Revoked)
            .FirstOrDefaultAsync(ct);
        if (existing is null)
            return await IssueTokenAAsync(country, party, name, ct) ?? throw new InvalidOperationException($"A live connection for {country}*{party} appeared meanwhile.");
        var token = OcpiTokens.Generate();
        existing.ReissueTokenA(OcpiTokens.Hash(token), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new RegisteredConnection(existing.Id, token);
    }

    /// <summary>Every connection, newest first, for the admin page.</summary>
    public async Task<IReadOnlyList<OcpiConnectionRow>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.OcpiConnections.AsNoTracking()
            .Select(c => new OcpiConnectionRow(c.Id, c.CountryCode, c.PartyId, c.Name, c.Status, c.CreatedAtUtc, c.LastReachedAtUtc))
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.CreatedAtUtc)];
    }

    public async Task<OcpiConnectionRow?> FindAsync(Guid id, CancellationToken ct = default) =>
        await db.OcpiConnections.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new OcpiConnectionRow(c.Id, c.CountryCode, c.PartyId, c.Name, c.Status, c.CreatedAtUtc, c.LastReachedAtUtc))
            .FirstOrDefaultAsync(ct);

    /// <summary>Strict or lenient validation of what the CPO sends (admin action). False when unknown.</summary>
    public async Task<bool> SetStrictValidationAsync(Guid id, bool strict, CancellationToken ct = default)
    {
        var connection = await db.OcpiConnections.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (connection is null)
            return false;
        connection.SetStrictValidation(strict, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Revokes a connection (admin action): every token of it stops working. False when unknown.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var connection = await db.OcpiConnections.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (connection is null)
            return false;
        if (connection.Status != OcpiConnectionStatus.Revoked)
        {
            connection.Revoke(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>
    /// The credentials POST: stores the partner's credentials (its token protected), issues our token C
    /// and discards token A. Returns token C in clear text, the only time it is available.
    /// </summary>
    public async Task<string> CompleteRegistrationAsync(OcpiConnection connection, Credentials partner, CancellationToken ct = default)
    {
        var tokenC = OcpiTokens.Generate();
        connection.CompleteRegistration(OcpiTokens.Hash(tokenC), Protect(partner), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return tokenC;
    }

    /// <summary>The credentials PUT: a new token C (returned in clear text), the partner's new credentials stored.</summary>
    public async Task<string> UpdateCredentialsAsync(OcpiConnection connection, Credentials partner, CancellationToken ct = default)
    {
        var tokenC = OcpiTokens.Generate();
        connection.UpdateCredentials(OcpiTokens.Hash(tokenC), Protect(partner), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return tokenC;
    }

    /// <summary>The credentials DELETE: the partner unregisters.</summary>
    public async Task UnregisterAsync(OcpiConnection connection, CancellationToken ct = default)
    {
        connection.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The partner's token in clear text, to call it with (pulling); null when none is stored.</summary>
    public string? PartnerToken(OcpiConnection connection) =>
        connection.PartnerTokenProtected is { } protectedToken ? Protector.Unprotect(protectedToken) : null;

    /// <summary>The live (not revoked) connection whose token (own token, or token A) is in the Authorization header, or null.</summary>
    public async Task<AuthenticatedConnection?> AuthenticateAsync(string? authorization, CancellationToken ct = default)
    {
        var candidates = OcpiTokens.Candidates(authorization).ToDictionary(OcpiTokens.Hash);
        if (candidates.Count == 0)
            return null;
        var hashes = candidates.Keys.ToList();
        var connection = await db.OcpiConnections
            .Where(c => (hashes.Contains(c.IncomingTokenHash!) || hashes.Contains(c.TokenAHash!)) && c.Status != OcpiConnectionStatus.Revoked)
            .FirstOrDefaultAsync(ct);
        if (connection is null)
            return null;
        var withTokenA = connection.TokenAHash is not null && candidates.ContainsKey(connection.TokenAHash);
        var now = clock.GetUtcNow().UtcDateTime;
        if ((!withTokenA && connection.Status != OcpiConnectionStatus.Connected)
            || connection.LastReachedAtUtc is null || now - connection.LastReachedAtUtc >= ReachedGranularity)
        {
            connection.MarkReached(now, withTokenA);
            await db.SaveChangesAsync(ct);
        }
        var token = withTokenA ? candidates[connection.TokenAHash!] : candidates[connection.IncomingTokenHash!];
        return new AuthenticatedConnection(connection, token, withTokenA);
    }

    private PartnerCredentials Protect(Credentials partner) =>
        new(Protector.Protect(partner.Token), partner.Url, JsonSerializer.Serialize(partner.Roles ?? [], OcpiJson.Options));
}

public sealed record RegisteredConnection(Guid ConnectionId, string Token);

/// <summary>
/// The connection behind a request, the token it presented (decoded), e.g. for the credentials GET,
/// and whether that token was the registration token A.
/// </summary>
public sealed record AuthenticatedConnection(OcpiConnection Connection, string Token, bool WithTokenA = false);

/// <summary>A connection as the admin page lists it.</summary>
public sealed record OcpiConnectionRow(Guid Id, string CountryCode, string PartyId, string Name, OcpiConnectionStatus Status, DateTime CreatedAtUtc, DateTime? LastReachedAtUtc);
