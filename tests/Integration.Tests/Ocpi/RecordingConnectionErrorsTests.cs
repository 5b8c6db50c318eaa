using Portal.Integration.Ocpi.Connections;

namespace Portal.Integration.Tests.Ocpi;

/// <summary>OcpiConnection.RecordError tells when a refused token has just made the connection Failing.</summary>
public sealed class RecordingConnectionErrorsTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static OcpiConnection Connected()
    {
        var connection = OcpiConnection.RegisterCpo("NL", "ABC", "Laadnet", new string('a', 64), Now.AddDays(-1));
        connection.MarkReached(Now.AddDays(-1));
        return connection;
    }

    [Fact]
    public void ARefusedToken_OnAConnectedConnection_MakesItFailing_AndSaysSo()
    {
        var connection = Connected();

        Assert.True(connection.RecordError("401", "req-1", credentialsRefused: true, Now));

        Assert.Equal(OcpiConnectionStatus.Failing, connection.Status);
        Assert.Equal("req-1", connection.LastErrorRequestId);
        Assert.Equal(Now, connection.LastErrorAtUtc);
    }

    [Fact]
    public void ARefusedToken_OnAPendingConnection_MakesItFailing_AndSaysSo()
    {
        var connection = OcpiConnection.RegisterCpo("NL", "ABC", "Laadnet", new string('a', 64), Now);

        Assert.True(connection.RecordError("401", null, credentialsRefused: true, Now));
        Assert.Equal(OcpiConnectionStatus.Failing, connection.Status);
    }

    [Fact]
    public void AnotherRefusal_WhileFailing_IsNoNewBreakdown()
    {
        var connection = Connected();
        connection.RecordError("401", "req-1", credentialsRefused: true, Now);

        Assert.False(connection.RecordError("401 again", "req-2", credentialsRefused: true, Now.AddMinutes(5)));

        Assert.Equal(OcpiConnectionStatus.Failing, connection.Status);
        Assert.Equal("req-2", connection.LastErrorRequestId);   // the latest error is still recorded
    }

    [Fact]
    public void ARefusal_AfterRecovery_IsANewBreakdown()
    {
        var connection = Connected();
        connection.RecordError("401", "req-1", credentialsRefused: true, Now);
        connection.MarkPartnerReachable(Now.AddMinutes(1));

        Assert.True(connection.RecordError("401", "req-3", credentialsRefused: true, Now.AddMinutes(2)));
    }

    [Fact]
    public void OtherErrors_LeaveTheStatus_AndSayNothingBroke()
    {
        var connection = Connected();

        Assert.False(connection.RecordError("500", "req-1", credentialsRefused: false, Now));

        Assert.Equal(OcpiConnectionStatus.Connected, connection.Status);
        Assert.Equal("500", connection.LastError);
    }

    [Fact]
    public void ARefusedToken_OnARevokedConnection_LeavesItRevoked()
    {
        var connection = Connected();
        connection.Revoke(Now);

        Assert.False(connection.RecordError("401", null, credentialsRefused: true, Now));
        Assert.Equal(OcpiConnectionStatus.Revoked, connection.Status);
    }
}
