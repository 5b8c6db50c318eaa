using Portal.Domain.Common;

namespace Portal.Domain.TrafficOrders;

/// <summary>Where an order (or its draft) was published: the journal, the day, and the journal's identifier or address.</summary>
public sealed record Publication
{
    public const int MaxReferenceLength = 200;

    private Publication(PublicationChannel channel, DateOnly publishedOn, string journalReference)
    {
        Channel = channel;
        PublishedOn = publishedOn;
        JournalReference = journalReference;
    }

    public PublicationChannel Channel { get; }
    public DateOnly PublishedOn { get; }

    /// <summary>For example "gmb-2026-123456" or its address on officielebekendmakingen.nl.</summary>
    public string JournalReference { get; }

    public static Publication Create(PublicationChannel channel, DateOnly publishedOn, string? journalReference)
    {
        var reference = journalReference?.Trim() ?? "";
        if (reference.Length == 0)
            throw new DomainRuleViolated(DomainRule.JournalReferenceMissing, "Give the journal's identifier or address of the publication.");
        if (reference.Length > MaxReferenceLength)
            throw new DomainRuleViolated(DomainRule.JournalReferenceTooLong, $"A journal reference has at most {MaxReferenceLength} characters.", MaxReferenceLength);
        return new Publication(channel, publishedOn, reference);
    }
}

/// <summary>
/// The official journal an order goes in. Since the Wet elektronische publicaties (2021) municipal orders
/// go in the Gemeenteblad; the Staatscourant stays possible as some guidance still names it (BABW art. 26).
/// </summary>
public enum PublicationChannel
{
    Gemeenteblad,
    Staatscourant,
}
