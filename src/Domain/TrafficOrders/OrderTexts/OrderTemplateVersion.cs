namespace Portal.Domain.TrafficOrders.OrderTexts;

/// <summary>
/// One saved version of a municipality's order text template: the whole text, who saved it and when.
/// Versions are never changed, only followed by a newer one, so the text an order was published with
/// can always be rendered again (<see cref="InForceAt"/>) and the list of versions is the history.
/// </summary>
public sealed class OrderTemplateVersion
{
    private OrderTemplateVersion() { }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public int Version { get; private set; }
    public string Title { get; private set; } = "";
    public string Preamble { get; private set; } = "";
    public string Considerations { get; private set; } = "";
    public string LegalBasis { get; private set; } = "";
    public string Decision { get; private set; } = "";
    public string ObjectionClause { get; private set; } = "";
    public string ViewsClause { get; private set; } = "";
    public string AppealClause { get; private set; } = "";
    public string Signature { get; private set; } = "";
    public DateTime SavedAtUtc { get; private set; }
    public string SavedByUserId { get; private set; } = "";
    public string SavedByName { get; private set; } = "";

    public OrderTextTemplate Template =>
        new(Title, Preamble, Considerations, LegalBasis, Decision, ObjectionClause, ViewsClause, AppealClause, Signature);

    /// <summary>
    /// The version that follows <paramref name="current"/> (null: the municipality used the default so far);
    /// null when the text is the same as before. Throws with the first problem, so callers show
    /// <see cref="OrderTextTemplate.Problems"/> first.
    /// </summary>
    public static OrderTemplateVersion? Save(Guid municipalityId, OrderTemplateVersion? current, OrderTextTemplate template, TrafficOrderActor actor, DateTime nowUtc)
    {
        var text = template.Normalised();
        if (text.Problems() is [var first, ..])
            throw first.Violation;
        if (text == (current?.Template ?? OrderTextTemplate.Default.Normalised()))
            return null;
        return new OrderTemplateVersion
        {
            Id = Guid.NewGuid(),
            MunicipalityId = municipalityId,
            Version = (current?.Version ?? 0) + 1,
            Title = text.Title,
            Preamble = text.Preamble,
            Considerations = text.Considerations,
            LegalBasis = text.LegalBasis,
            Decision = text.Decision,
            ObjectionClause = text.ObjectionClause,
            ViewsClause = text.ViewsClause,
            AppealClause = text.AppealClause,
            Signature = text.Signature,
            SavedAtUtc = nowUtc,
            SavedByUserId = actor.UserId,
            SavedByName = actor.Name,
        };
    }

    /// <summary>
    /// The template that applied at <paramref name="atUtc"/>: the newest version saved by then, or the
    /// default when none was. An order published at that moment is rendered with it ever after.
    /// </summary>
    public static OrderTextTemplate InForceAt(IEnumerable<OrderTemplateVersion> versions, DateTime atUtc) =>
        versions.Where(v => v.SavedAtUtc <= atUtc).MaxBy(v => v.Version)?.Template ?? OrderTextTemplate.Default;

    /// <summary>Which parts differ between two texts, for the history.</summary>
    public static IReadOnlyList<OrderTemplatePart> ChangedParts(OrderTextTemplate before, OrderTextTemplate after) =>
        [.. Enum.GetValues<OrderTemplatePart>().Where(p => !string.Equals(before.Text(p), after.Text(p), StringComparison.Ordinal))];

}
