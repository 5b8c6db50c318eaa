using Portal.Domain.TrafficOrders.OrderTexts;

namespace Portal.Features.TrafficOrders.Publishing;

/// <summary>The order text template as the editing page binds it: one text per part.</summary>
internal sealed class OrderTemplateForm
{
    public string Title { get; set; } = "";
    public string Preamble { get; set; } = "";
    public string Considerations { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public string Decision { get; set; } = "";
    public string ObjectionClause { get; set; } = "";
    public string ViewsClause { get; set; } = "";
    public string AppealClause { get; set; } = "";
    public string Signature { get; set; } = "";

    public static OrderTemplateForm From(OrderTextTemplate template) => new()
    {
        Title = template.Title,
        Preamble = template.Preamble,
        Considerations = template.Considerations,
        LegalBasis = template.LegalBasis,
        Decision = template.Decision,
        ObjectionClause = template.ObjectionClause,
        ViewsClause = template.ViewsClause,
        AppealClause = template.AppealClause,
        Signature = template.Signature,
    };

    public OrderTextTemplate ToTemplate() => new(Title, Preamble, Considerations, LegalBasis, Decision, ObjectionClause, ViewsClause, AppealClause, Signature);

    public string this[OrderTemplatePart part]
    {
        get => ToTemplate().Text(part);
        set
        {
            switch (part)
            {
                case OrderTemplatePart.Title: Title = value; break;
                case OrderTemplatePart.Preamble: Preamble = value; break;
                case OrderTemplatePart.Considerations: Considerations = value; break;
                case OrderTemplatePart.LegalBasis: LegalBasis = value; break;
                case OrderTemplatePart.Decision: Decision = value; break;
                case OrderTemplatePart.ObjectionClause: ObjectionClause = value; break;
                case OrderTemplatePart.ViewsClause: ViewsClause = value; break;
                case OrderTemplatePart.AppealClause: AppealClause = value; break;
                case OrderTemplatePart.Signature: Signature = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(part), part, null);
            }
        }
    }
}
