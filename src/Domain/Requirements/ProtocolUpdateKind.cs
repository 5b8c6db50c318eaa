namespace Portal.Domain.Requirements;

/// <summary>Whether a new protocol version is a major update (OCPP 2.0.1 to 2.1 counts as the catalogue's "major") or a minor one.</summary>
public enum ProtocolUpdateKind
{
    Major,
    Minor,
}
