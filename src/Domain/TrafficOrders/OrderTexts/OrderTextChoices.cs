using Portal.Domain.Common;

namespace Portal.Domain.TrafficOrders.OrderTexts;

/// <summary>
/// What the officer chooses for one order's text: which interests of WVW 1994 art. 2 it serves and, if
/// wanted, a motivation of its own for the considerations. Fixed once the order is published: a published
/// order is never edited.
/// </summary>
public sealed class OrderTextChoices
{
    public const int MaxMotivationLength = 4000;

    private OrderTextChoices() { }

    public Guid TrafficOrderId { get; private set; }

    /// <summary>The chosen interests as their names, comma-separated (as stored).</summary>
    public string InterestNames { get; private set; } = "";
    public string? Motivation { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public string UpdatedByName { get; private set; } = "";

    public IReadOnlyList<RoadTrafficInterest> Interests =>
        [.. InterestNames.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<RoadTrafficInterest>).Order()];

    /// <summary>What an order without a choice of its own uses: the usual interests, no motivation.</summary>
    public static (IReadOnlyList<RoadTrafficInterest> Interests, string? Motivation) Usual => (RoadTrafficInterests.UsualForCharging, null);

    public static OrderTextChoices Make(TrafficOrder order, IEnumerable<RoadTrafficInterest> interests, string? motivation, TrafficOrderActor actor, DateTime nowUtc)
    {
        var choices = new OrderTextChoices { TrafficOrderId = order.Id };
        choices.Change(order, interests, motivation, actor, nowUtc);
        return choices;
    }

    public void Change(TrafficOrder order, IEnumerable<RoadTrafficInterest> interests, string? motivation, TrafficOrderActor actor, DateTime nowUtc)
    {
        if (order.Id != TrafficOrderId)
            throw new DomainRuleViolated("The choices belong to another order.");
        if (!CanChange(order.Status))
            throw new DomainRuleViolated(DomainRule.OrderTextFixed, $"The text of an order that is {order.Status} is fixed.", order.Status);
        var chosen = interests.Distinct().Order().ToList();
        if (chosen.Count == 0)
            throw new DomainRuleViolated(DomainRule.OrderInterestsMissing, "Choose at least one interest of WVW 1994 art. 2 the order serves (BABW art. 21).");
        var text = string.IsNullOrWhiteSpace(motivation) ? null : motivation.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text?.Length > MaxMotivationLength)
            throw new DomainRuleViolated(DomainRule.OrderMotivationTooLong, $"A motivation can have at most {MaxMotivationLength} characters.", MaxMotivationLength);
        InterestNames = string.Join(",", chosen);
        Motivation = text;
        UpdatedAtUtc = nowUtc;
        UpdatedByName = actor.Name;
    }

    /// <summary>Until the order is published (or withdrawn) its text can still change; the final order after views may answer them.</summary>
    public static bool CanChange(TrafficOrderStatus status) =>
        status is TrafficOrderStatus.Draft or TrafficOrderStatus.PoliceConsulted or TrafficOrderStatus.Decided
            or TrafficOrderStatus.DraftPublished or TrafficOrderStatus.ViewsReceived;
}
