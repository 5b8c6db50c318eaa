using Portal.Domain.Installations;

namespace Portal.Features.Installations.CasePage;

/// <summary>
/// What the case page shows: the case with its steps and history, the names around it, what is late and missing
/// today, the dig notification window, the attachments per step, and what the reader may do.
/// </summary>
internal sealed record InstallationCaseView(
    InstallationCase Case,
    string SpotAddress,
    string OperatorName,
    string MunicipalityName,
    Guid? ContractId,
    string? ContractReference,
    IReadOnlyList<OverdueStep> Overdue,
    DigNotificationWindow? DigWindow,
    IReadOnlyList<InstallationAttachment> Attachments,
    bool CanManage,
    bool CanReport,
    DateOnly Today)
{
    /// <summary>A relocation's old spot: where the charge point stands until it is placed here.</summary>
    public string? RelocatedFromAddress { get; init; }

    /// <summary>The day the contract wants the charge point in use by (its installation term), when it sets one.</summary>
    public DateOnly? TermDueOn { get; init; }

    /// <summary>A removal's traffic orders: the one that reserved the bays and the amendment that ends the reservation.</summary>
    public RemovalOrders? RemovalOrders { get; init; }

    public IEnumerable<InstallationAttachment> AttachmentsOf(InstallationStep step) => Attachments.Where(a => a.Step == step).OrderBy(a => a.UploadedAtUtc);

    public IEnumerable<OverdueStep> OverdueOf(InstallationStep step) => Overdue.Where(o => o.Step == step);
}

/// <summary>A spot a case can move to, or be opened for.</summary>
public sealed record SpotChoice(Guid Id, string Address);

/// <summary>
/// What the spot page's "open a case" dialog offers: the operators, and the one to preselect (the CPO that placed the charge
/// point on a spot in use, else the one of the contract that covers the spot); the spot's open case; and for a spot in use the
/// spots of its municipality ready for installation, without a case, its charge point can move to.
/// </summary>
public sealed record OpenCaseChoices(IReadOnlyList<Portal.Features.Installations.Board.BoardChoice> Operators, Guid? CoveringOperatorId, Guid? CoveringContractId, string? CoveringContractReference, string? OpenCaseReference, Guid? OpenCaseId,
    IReadOnlyList<SpotChoice> RelocationTargets);
