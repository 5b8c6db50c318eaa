using Portal.Domain.Applications;

namespace Portal.Features.Assessment;

/// <summary>What an officer decides on an application: the four ways an assessment can end (or pause, for a question).</summary>
public enum DecisionKind
{
    /// <summary>Toekennen: a new charge point at an existing or a new candidate spot.</summary>
    Approve,

    /// <summary>Verwijzen: an existing or planned public charge point serves the applicant.</summary>
    Refer,

    /// <summary>Afwijzen, with the municipality's reasons as templates.</summary>
    Reject,

    /// <summary>Om informatie vragen: the decision term pauses until the applicant answers.</summary>
    Ask,
}

/// <summary>The decision kinds in the page address (the Dutch slugs of the old decision pages) and the status each leads to.</summary>
public static class DecisionKinds
{
    public static IReadOnlyList<DecisionKind> All { get; } = Enum.GetValues<DecisionKind>();

    /// <summary>The word in <c>/beheer/aanvragen/{id}/besluit/{slug}</c> and in <c>?besluit=</c>.</summary>
    public static string Slug(this DecisionKind kind) => kind switch
    {
        DecisionKind.Approve => "goedkeuren",
        DecisionKind.Refer => "verwijzen",
        DecisionKind.Reject => "afwijzen",
        DecisionKind.Ask => "informatie",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a slug names; null for anything else.</summary>
    public static DecisionKind? FromSlug(string? slug) =>
        All.Where(k => string.Equals(k.Slug(), slug, StringComparison.OrdinalIgnoreCase)).Select(k => (DecisionKind?)k).FirstOrDefault();

    /// <summary>The status the application has after the decision (and that the resident's mail announces).</summary>
    public static ApplicationStatus Outcome(this DecisionKind kind) => kind switch
    {
        DecisionKind.Approve => ApplicationStatus.Approved,
        DecisionKind.Refer => ApplicationStatus.ReferredToExistingPoint,
        DecisionKind.Reject => ApplicationStatus.Rejected,
        DecisionKind.Ask => ApplicationStatus.WaitingForInformation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
