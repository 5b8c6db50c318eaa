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
    public async Task<OcpiConnection?> AuthenticateAsync(string? authorization, CancellationToken ct = default)
    {
        var hashes = OcpiTokens.Candidates(authorization).Select(OcpiTokens.Hash).ToList();
        if (hashes.Count == 0)
            return null;
        return await db.OcpiConnections
            .Where(c => hashes.Contains(c.IncomingTokenHash) && c.Status != OcpiConnectionStatus.Revoked)
            .FirstOrDefaultAsync(ct);
    }
}

public sealed record RegisteredConnection(Guid ConnectionId, string Token);
