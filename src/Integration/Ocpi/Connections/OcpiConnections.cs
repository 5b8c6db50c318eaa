using Microsoft.EntityFrameworkCore;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Connections;

/// <summary>Registers partner connections and finds the one behind an incoming token.</summary>
public sealed class OcpiConnections(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Registers a CPO and returns its token in clear text: the only time it is ever available.</summary>
    public async Task<RegisteredConnection> RegisterCpoAsync(string countryCode, string partyId, string name, CancellationToken ct = default)
    {
        var token = OcpiTokens.Generate();
        var connection = OcpiConnection.RegisterCpo(countryCode, partyId, name, OcpiTokens.Hash(token), clock.GetUtcNow().UtcDateTime);
        db.OcpiConnections.Add(connection);
        await db.SaveChangesAsync(ct);
        return new RegisteredConnection(connection.Id, token);
    }

    /// <summary>The live (not revoked) connection whose token is in the Authorization header, or null.</summary>
    public async Task<AuthenticatedConnection?> AuthenticateAsync(string? authorization, CancellationToken ct = default)
    {
        var candidates = OcpiTokens.Candidates(authorization).ToDictionary(OcpiTokens.Hash);
        if (candidates.Count == 0)
            return null;
        var hashes = candidates.Keys.ToList();
        var connection = await db.OcpiConnections
            .Where(c => hashes.Contains(c.IncomingTokenHash) && c.Status != OcpiConnectionStatus.Revoked)
            .FirstOrDefaultAsync(ct);
        if (connection is null)
            return null;
        if (connection.Status != OcpiConnectionStatus.Connected)
        {
            connection.MarkReached(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        return new AuthenticatedConnection(connection, candidates[connection.IncomingTokenHash]);
    }
}

public sealed record RegisteredConnection(Guid ConnectionId, string Token);

/// <summary>The connection behind a request, and the token it presented (decoded), e.g. for the credentials GET.</summary>
public sealed record AuthenticatedConnection(OcpiConnection Connection, string Token);
