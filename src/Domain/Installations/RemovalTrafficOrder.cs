using Portal.Domain.Common;

namespace Portal.Domain.Installations;

/// <summary>
/// The traffic order a removal needs. Signs that reserve bays for charging are placed and taken away under a traffic
/// order (WVW 1994 art. 15, BABW art. 12): the reservation ends by an order that amends the reserving order and leaves
/// the spot out. Until that amendment is published, the charge point may be taken away but its signs stay.
/// </summary>
/// <param name="ReservingReference">The order that reserved the spot's bays (the latest live one), if any.</param>
/// <param name="ReleasingReference">The live amendment of that order that leaves the spot out, if one is drafted.</param>
/// <param name="ReleasingPublished">Whether that amendment is published, so the reservation has ended.</param>
public sealed record RemovalTrafficOrder(string? ReservingReference, string? ReleasingReference, bool ReleasingPublished)
{
    public static readonly RemovalTrafficOrder None = new(null, null, false);

    /// <summary>The reservation has ended (or there never was one): the signs may come down.</summary>
    public bool SignsMayBeRemoved => ReservingReference is null || (ReleasingReference is not null && ReleasingPublished);

    /// <summary>Refuses reporting a removal's signs removed while the order that reserved the bays still stands.</summary>
    public void RequireFor(InstallationCase installation, InstallationStep step)
    {
        ArgumentNullException.ThrowIfNull(installation);
        if (installation.Kind != InstallationCaseKind.Removal || step != InstallationStep.SignsPlaced || SignsMayBeRemoved)
            return;
        throw new DomainRuleViolated(DomainRule.RemovalNeedsReleasingOrder,
            $"The signs stay until an amendment of order {ReservingReference} that leaves this spot out is published.", ReservingReference!);
    }
}
