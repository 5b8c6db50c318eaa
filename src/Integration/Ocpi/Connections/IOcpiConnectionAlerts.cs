namespace Portal.Integration.Ocpi.Connections;

/// <summary>
/// Tells people that a connection broke down: called when a call the partner refused (401) has just
/// made the connection Failing, before the change is saved, so whatever it adds to the caller's
/// <c>PortalDbContext</c> (e.g. outbox mail) is saved with the status change or not at all.
/// </summary>
public interface IOcpiConnectionAlerts
{
    Task ConnectionFailingAsync(OcpiConnection connection, CancellationToken ct = default);
}
