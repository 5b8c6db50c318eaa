using Portal.Domain.Installations;

namespace Portal.Features.Installations.Board;

/// <summary>One case on the board: where, which CPO, the step it is at, and what is late.</summary>
internal sealed record InstallationBoardRow(
    Guid Id,
    string Reference,
    Guid SpotId,
    string SpotAddress,
    string? District,
    string OperatorName,
    string MunicipalityName,
    InstallationCaseStatus Status,
    InstallationStep? Next,
    DateOnly OpenedOn,
    IReadOnlyList<OverdueStep> Overdue,
    int Missing,
    DateTime UpdatedAtUtc)
{
    public bool IsOverdue => Overdue.Count > 0;

    /// <summary>The earliest day something was due, for sorting the late cases first.</summary>
    public DateOnly? OverdueSince => Overdue.Count > 0 ? Overdue.Min(o => o.DueOn) : null;
}

/// <summary>What the board is filtered on; null is "all".</summary>
internal sealed record InstallationBoardFilter(
    Guid? OperatorId = null,
    Guid? MunicipalityId = null,
    string? District = null,
    int? OlderThanMonths = null,
    InstallationCaseStatus? Status = null,
    InstallationStep? Next = null,
    bool OnlyOverdue = false)
{
    /// <summary>The ages the board offers: opened more than 3, 6 or 12 months ago.</summary>
    public static readonly int[] Ages = [3, 6, 12];
}

/// <summary>A choice in one of the board's filters.</summary>
public sealed record BoardChoice(Guid Id, string Name);

/// <summary>What the filters offer: the operators, municipalities and districts of the cases the reader may see.</summary>
internal sealed record InstallationBoardChoices(IReadOnlyList<BoardChoice> Operators, IReadOnlyList<BoardChoice> Municipalities, IReadOnlyList<string> Districts);

/// <summary>A page of the board, with how many of the matching cases (every step) are at each step, and how many are overdue.</summary>
internal sealed record InstallationBoardResult(IReadOnlyList<InstallationBoardRow> Items, int Total, IReadOnlyDictionary<InstallationStep, int> AtStep, int OverdueCount);
