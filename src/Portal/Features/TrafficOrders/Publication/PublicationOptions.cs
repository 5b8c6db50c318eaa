using Portal.Domain.TrafficOrders;

namespace Portal.Features.TrafficOrders.Publishing;

/// <summary>The "TrafficOrders:Publication" configuration section.</summary>
internal sealed class PublicationOptions
{
    /// <summary>
    /// The journal an order that has not been published yet is prepared for: Gemeenteblad (since the Wet
    /// elektronische publicaties) or Staatscourant. A published order keeps the journal it was published in.
    /// </summary>
    public PublicationChannel Channel { get; set; } = PublicationChannel.Gemeenteblad;
}
