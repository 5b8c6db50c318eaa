using Portal.Domain.Common;

namespace Portal.Domain.Installations;

/// <summary>What kind of grid connection was requested, which decides the ACM norm.</summary>
public enum GridConnectionKind
{
    /// <summary>A change of an existing connection up to 3x80 A without groundwork: 12 weeks.</summary>
    ChangeWithoutGroundwork,

    /// <summary>A new connection up to 3x80 A, or a change that needs groundwork: 18 weeks.</summary>
    NewOrWithGroundwork,

    /// <summary>Above 3x80 A: the network code sets no term, so the portal computes no due date.</summary>
    AboveThreeTimesEightyAmpere,
}

/// <summary>The grid connection request of a case: at which grid operator, its reference there, and when it was requested and realised.</summary>
public sealed record GridConnectionRequest
{
    public const int MaxTextLength = 200;

    public GridConnectionRequest(string gridOperator, string? reference, GridConnectionKind kind, DateOnly requestedOn, DateOnly? connectedOn = null)
    {
        if (string.IsNullOrWhiteSpace(gridOperator))
            throw new DomainRuleViolated(DomainRule.GridOperatorMissing, "Name the grid operator the connection was requested from.");
        if (gridOperator.Trim().Length > MaxTextLength || reference?.Trim().Length > MaxTextLength)
            throw new DomainRuleViolated(DomainRule.InstallationTextTooLong, $"At most {MaxTextLength} characters.", MaxTextLength);
        if (connectedOn < requestedOn)
            throw new DomainRuleViolated(DomainRule.GridConnectedBeforeRequested, "A connection is realised on or after the day it was requested.", requestedOn);
        GridOperator = gridOperator.Trim();
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        Kind = kind;
        RequestedOn = requestedOn;
        ConnectedOn = connectedOn;
    }

    public string GridOperator { get; }
    public string? Reference { get; }
    public GridConnectionKind Kind { get; }
    public DateOnly RequestedOn { get; }
    public DateOnly? ConnectedOn { get; }

    /// <summary>The last day the ACM norm allows; null above 3x80 A.</summary>
    public DateOnly? DueOn => AcmConnectionNorm.DueOn(RequestedOn, Kind);

    public GridConnectionRequest ConnectedOnDay(DateOnly day) => new(GridOperator, Reference, Kind, RequestedOn, day);

    /// <summary>Not realised by the norm's last day (compared with today while it is not realised yet).</summary>
    public bool IsOverdue(DateOnly today) => DueOn is { } due && (ConnectedOn ?? today) > due;
}

/// <summary>
/// The ACM network code's terms for connections up to 3x80 A: 12 weeks for changing an existing connection
/// without groundwork, 18 weeks for a new one or one needing groundwork, counted in calendar weeks from the
/// request (the network code's own term; the Algemene termijnenwet does not move it).
/// </summary>
public static class AcmConnectionNorm
{
    public static int? Weeks(GridConnectionKind kind) => kind switch
    {
        GridConnectionKind.ChangeWithoutGroundwork => 12,
        GridConnectionKind.NewOrWithGroundwork => 18,
        _ => null,
    };

    public static DateOnly? DueOn(DateOnly requestedOn, GridConnectionKind kind) =>
        Weeks(kind) is { } weeks ? requestedOn.AddDays(7 * weeks) : null;
}
