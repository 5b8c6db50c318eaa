using Portal.Domain.Applications;
using Portal.Resources;

namespace Portal.Features.Assessment;

/// <summary>
/// What the officer fills in in the decision dialog: the text for the resident, and for an approval
/// the spot (<see cref="NewSpot"/> or a spot's id), for a referral the charge location.
/// </summary>
public sealed class DecisionForm
{
    public const string NewSpot = "nieuw";

    [RequiredField, MaxCharacters(Application.MaxDecisionTextLength)]
    public string? Text { get; set; }

    public string? Spot { get; set; } = NewSpot;

    public Guid? ChargeLocation { get; set; }

    /// <summary>The decision this form describes, as it will be previewed and confirmed.</summary>
    internal Decision ToDecision(DecisionKind kind) => new(
        kind,
        (Text ?? "").Trim(),
        kind == DecisionKind.Approve && Guid.TryParse(Spot, out var spot) ? spot : null,
        kind == DecisionKind.Refer ? ChargeLocation : null);
}
