namespace Portal.Integration.Ocpi.Connections;

/// <summary>
/// One module endpoint the partner listed in its version details (never hard-coded, NOTES 2):
/// e.g. locations as SENDER at some URL. Replaced as a whole on every discovery.
/// </summary>
public sealed class OcpiPartnerEndpoint
{
    private OcpiPartnerEndpoint() { }

    public Guid ConnectionId { get; private set; }

    /// <summary>The ModuleID as sent, e.g. locations.</summary>
    public string Identifier { get; private set; } = "";

    /// <summary>SENDER or RECEIVER.</summary>
    public string Role { get; private set; } = "";
    public string Url { get; private set; } = "";

    public static OcpiPartnerEndpoint Create(Guid connectionId, string identifier, string role, string url) => new()
    {
        ConnectionId = connectionId,
        Identifier = identifier,
        Role = role,
        Url = url,
    };
}
