namespace Portal.Domain.TrafficOrders.OrderTexts;

/// <summary>The parts of an order text template, in the order they appear in the document.</summary>
public enum OrderTemplatePart
{
    Title,
    Preamble,
    Considerations,
    LegalBasis,
    Decision,
    ObjectionClause,
    ViewsClause,
    AppealClause,
    Signature,
}
