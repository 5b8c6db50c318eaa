using Portal.Domain.Installations;

namespace Portal.Features.Installations.CasePage;

/// <summary>The changes to a case that the case page's action dialog asks for, besides reporting a step.</summary>
public enum CaseAction
{
    /// <summary>A step's planned day (empty: no longer planned).</summary>
    Plan,

    /// <summary>The day the grid operator realised the connection.</summary>
    GridConnected,

    /// <summary>The day digging starts, from which the dig notification window follows (empty: not known).</summary>
    Digging,

    Pause,
    Cancel,
    Move,
}

/// <summary>What was filled in: the step, a day, a reason and a spot, as the action needs them.</summary>
public sealed record CaseActionInput(InstallationStep Step, DateOnly? Day, string? Reason, Guid? SpotId);
