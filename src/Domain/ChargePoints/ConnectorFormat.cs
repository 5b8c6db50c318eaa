namespace Portal.Domain.ChargePoints;

/// <summary>OCPI 2.2.1 connector format: a socket the driver plugs a cable into, or a fixed cable.</summary>
public enum ConnectorFormat
{
    Unknown,
    Socket,
    Cable,
}
