using Portal.Domain.TrafficOrders;

namespace Portal.Features.TrafficOrders;

/// <summary>What a step dialog collected: the day of the step, the publication's channel and journal reference, and a text (answer or reason).</summary>
public sealed record TrafficOrderStepInput(DateOnly On, PublicationChannel Channel, string? JournalReference, string? Text);
