namespace Portal.Features.Installations.Commissioning;

/// <summary>An OCPI location proposed as the charge point of a case: which, where, how far from the spot, and its EVSEs ready to charge.</summary>
internal sealed record CommissioningProposal(string LocationSourceId, string LocationId, string Name, string Address, string City, double DistanceMetres, IReadOnlyList<string> ReadyEvseUids);

/// <summary>What the commissioning panel of a case shows: the proposals, or what was confirmed, and whether this person may confirm.</summary>
internal sealed record CommissioningView(
    Guid CaseId,
    string Reference,
    bool IsClosed,
    bool CanConfirm,
    double MaxDistanceMetres,
    string? CommissionedLocationSourceId,
    DateOnly? GoLiveOn,
    IReadOnlyList<string> CommissionedEvseUids,
    IReadOnlyList<CommissioningProposal> Proposals)
{
    public bool IsCommissioned => GoLiveOn is not null;
}
