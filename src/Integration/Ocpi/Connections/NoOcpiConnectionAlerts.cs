namespace Portal.Integration.Ocpi.Connections;

/// <summary>The default without a host to tell anyone: the admin page still shows the status.</summary>
internal sealed class NoOcpiConnectionAlerts : IOcpiConnectionAlerts
{
    public Task ConnectionFailingAsync(OcpiConnection connection, CancellationToken ct = default) => Task.CompletedTask;
}
