using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Geography;

namespace Portal.Domain.Spots;

/// <summary>
/// A possible charge point location on the municipality's spot map. Every change is kept in
/// its history with who, when and why.
/// </summary>
public sealed class Spot
{
    private readonly List<SpotChange> _history = [];

    private Spot() { }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public double RdX { get; private set; }
    public double RdY { get; private set; }
    public string Address { get; private set; } = "";
    public SpotStatus Status { get; private set; }
    public int Bays { get; private set; }
    public SpotSetUp SetUp { get; private set; }
    public int? FreePavementWidthCm { get; private set; }
    public int? DistanceToBayCm { get; private set; }
    public bool? GridCableNearby { get; private set; }
    public string? Notes { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>A free text id from an import (e.g. the municipality's own plan-map id), for upserts.</summary>
    public string? ExternalId { get; private set; }

    public IReadOnlyList<SpotChange> History => _history;

    public Coordinate Position => Coordinate.FromStored(Latitude, Longitude, RdX, RdY);

    public static Spot Create(Guid municipalityId, Coordinate position, SpotDetails details, SpotActor actor, DateTime nowUtc, string? externalId = null)
    {
        var spot = new Spot
        {
            Id = Guid.NewGuid(),
            MunicipalityId = municipalityId,
            Status = SpotStatus.Candidate,
            CreatedAtUtc = nowUtc,
            ExternalId = string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim(),
        };
        spot.Place(position);
        spot.Take(details);
        spot.UpdatedAtUtc = nowUtc;
        spot._history.Add(SpotChange.Record(spot.Id, actor, nowUtc, SpotChangeKind.Created, null, spot.Status.ToString(), null));
        return spot;
    }

    public void MoveTo(Coordinate position, SpotActor actor, DateTime nowUtc, string? reason)
    {
        RequireOpen();
        var from = Position.ToString();
        Place(position);
        if (from == Position.ToString())
            return;
        UpdatedAtUtc = nowUtc;
        _history.Add(SpotChange.Record(Id, actor, nowUtc, SpotChangeKind.Moved, from, Position.ToString(), reason));
    }

    public void Edit(SpotDetails details, SpotActor actor, DateTime nowUtc, string? reason)
    {
        RequireOpen();
        var before = Describe();
        Take(details);
        var after = Describe();
        if (before == after)
            return;
        UpdatedAtUtc = nowUtc;
        _history.Add(SpotChange.Record(Id, actor, nowUtc, SpotChangeKind.Edited, before, after, reason));
    }

    public void ChangeStatus(SpotStatus to, SpotActor actor, DateTime nowUtc, string? reason)
    {
        if (to == Status)
            return;
        if (!SpotStatusRule.CanMove(Status, to))
            throw new DomainRuleViolated(DomainRule.SpotStatusChangeNotAllowed, $"A spot cannot go from {Status} to {to}.", Status, to);
        if (to is SpotStatus.Rejected or SpotStatus.Retired && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleViolated(DomainRule.SpotReasonRequired, $"Say why the spot is {to.ToString().ToLowerInvariant()}.", to);
        var from = Status;
        Status = to;
        UpdatedAtUtc = nowUtc;
        _history.Add(SpotChange.Record(Id, actor, nowUtc, SpotChangeKind.StatusChanged, from.ToString(), to.ToString(), reason));
    }

    /// <summary>
    /// The charge point on this spot is commissioned (its installation case confirmed a match with the CPO's data):
    /// the spot is realised, with the case's reference in its history. Already realised: nothing changes.
    /// </summary>
    public void RealiseByCommissioning(string caseReference, SpotActor actor, DateTime nowUtc)
    {
        if (Status == SpotStatus.Realised)
            return;
        if (!SpotStatusRule.CanMove(Status, SpotStatus.Realised))
            throw new DomainRuleViolated(DomainRule.SpotStatusChangeNotAllowed, $"A spot cannot go from {Status} to {SpotStatus.Realised}.", Status, SpotStatus.Realised);
        var from = Status;
        Status = SpotStatus.Realised;
        UpdatedAtUtc = nowUtc;
        _history.Add(SpotChange.Record(Id, actor, nowUtc, SpotChangeKind.StatusChanged, from.ToString(), Status.ToString(), caseReference));
    }

    /// <summary>The spot's traffic order is published: the spot is planned, objection or appeal still possible.</summary>
    public void FollowOrderPublished(string orderReference, SpotActor actor, DateTime nowUtc)
    {
        if (!SpotStatusRule.CanBeOrdered(Status))
            throw new DomainRuleViolated(DomainRule.SpotNotReadyForOrder, $"The spot at {Address} is {Status}; an order reserves approved or reserved spots.", Address, Status);
        Follow(SpotStatus.Planned, orderReference, actor, nowUtc);
    }

    /// <summary>The spot's traffic order is final: ready for installation (already so when the officer started early).</summary>
    public void FollowOrderFinal(string orderReference, SpotActor actor, DateTime nowUtc)
    {
        if (Status == SpotStatus.Planned)
            Follow(SpotStatus.ReadyForInstallation, orderReference, actor, nowUtc);
    }

    /// <summary>
    /// Installation may start right after publication: an objection does not suspend the order (Awb 6:16).
    /// The officer takes the risk that a decision on an objection revokes it; the reason records why.
    /// </summary>
    public void StartInstallationBeforeFinal(string orderReference, string? reason, SpotActor actor, DateTime nowUtc)
    {
        if (Status != SpotStatus.Planned)
            throw new DomainRuleViolated(DomainRule.SpotStatusChangeNotAllowed, $"A spot cannot go from {Status} to {SpotStatus.ReadyForInstallation}.", Status, SpotStatus.ReadyForInstallation);
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleViolated(DomainRule.SpotReasonRequired, "Say why installation starts before the order is final.", SpotStatus.ReadyForInstallation);
        Follow(SpotStatus.ReadyForInstallation, $"{orderReference}: {reason.Trim()}", actor, nowUtc);
    }

    /// <summary>
    /// The spot's published order was revoked: the spot returns to the status it had before the order
    /// took it, with the reason in its history. A spot already realised stays realised.
    /// </summary>
    public void FollowOrderRevoked(string orderReference, string reason, SpotActor actor, DateTime nowUtc)
    {
        if (!SpotStatusRule.IsHeldByOrder(Status))
            return;
        var before = _history.LastOrDefault(c => c.Kind == SpotChangeKind.FollowedOrder && c.To == nameof(SpotStatus.Planned))?.From;
        var previous = Enum.TryParse<SpotStatus>(before, out var parsed) && SpotStatusRule.CanBeOrdered(parsed) ? parsed : SpotStatus.Approved;
        Follow(previous, $"{orderReference}: {reason}", actor, nowUtc);
    }

    private void Follow(SpotStatus to, string reason, SpotActor actor, DateTime nowUtc)
    {
        var from = Status;
        Status = to;
        UpdatedAtUtc = nowUtc;
        _history.Add(SpotChange.Record(Id, actor, nowUtc, SpotChangeKind.FollowedOrder, from.ToString(), to.ToString(),
            reason.Length <= SpotChange.MaxReasonLength ? reason : reason[..(SpotChange.MaxReasonLength - 1)] + "…"));
    }

    private void Place(Coordinate position)
    {
        Latitude = position.Latitude;
        Longitude = position.Longitude;
        RdX = position.X;
        RdY = position.Y;
    }

    private void Take(SpotDetails details)
    {
        if (details.Bays is < 1 or > SpotDetails.MaxBays)
            throw new DomainRuleViolated(DomainRule.SpotBaysOutOfRange, $"A spot serves between 1 and {SpotDetails.MaxBays} bays.", SpotDetails.MaxBays);
        if (details.FreePavementWidthCm is < 0 or > 2000)
            throw new DomainRuleViolated(DomainRule.SpotPavementWidthOutOfRange, "Free pavement width is between 0 and 20 m.");
        if (details.DistanceToBayCm is < 0 or > 2000)
            throw new DomainRuleViolated(DomainRule.SpotDistanceToBayOutOfRange, "Distance to the bay is between 0 and 20 m.");
        if (details.Notes is { Length: > SpotDetails.MaxNotesLength })
            throw new DomainRuleViolated(DomainRule.SpotNotesTooLong, $"Notes have at most {SpotDetails.MaxNotesLength} characters.", SpotDetails.MaxNotesLength);
        Address = details.Address.Trim();
        Bays = details.Bays;
        SetUp = details.SetUp;
        FreePavementWidthCm = details.FreePavementWidthCm;
        DistanceToBayCm = details.DistanceToBayCm;
        GridCableNearby = details.GridCableNearby;
        Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim();
    }

    private void RequireOpen()
    {
        if (Status is SpotStatus.Retired)
            throw new DomainRuleViolated(DomainRule.SpotRetired, "A retired spot can no longer be changed.");
    }

    private string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"address={Address}; bays={Bays}; setup={SetUp}; pavement={FreePavementWidthCm?.ToString(CultureInfo.InvariantCulture) ?? "?"}cm; to-bay={DistanceToBayCm?.ToString(CultureInfo.InvariantCulture) ?? "?"}cm; cable={GridCableNearby?.ToString() ?? "?"}; notes={Notes}");
}
