using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Contracts.Power;

/// <summary>
/// The capacity of the grid connection behind a covered location or one of its EVSEs, in kW, as an officer recorded it
/// for the contract (from the grid operator's connection data). A location's value limits each of its EVSEs: one EVSE
/// cannot draw more than the connection it hangs on.
/// </summary>
public sealed class GridConnection
{
    /// <summary>The largest connection a public charge point hangs on is a few MW; anything above is a typing error.</summary>
    public const decimal MaxKw = 10_000m;

    private GridConnection() { }

    public long Id { get; private set; }
    public Guid ContractId { get; private set; }
    public string LocationId { get; private set; } = "";
    public string? EvseUid { get; private set; }
    public decimal CapacityKw { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }

    public EvseRef Target => new(LocationId, EvseUid);

    /// <exception cref="DomainRuleViolated">The capacity is not above 0 kW or above <see cref="MaxKw"/>.</exception>
    public static decimal Checked(decimal capacityKw) =>
        capacityKw is > 0 and <= MaxKw
            ? capacityKw
            : throw new DomainRuleViolated(DomainRule.GridConnectionOutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"A grid connection's capacity is above 0 and at most {MaxKw} kW."), MaxKw);

    internal static GridConnection Create(Guid contractId, EvseRef target, decimal capacityKw, DateTime nowUtc) => new()
    {
        ContractId = contractId, LocationId = target.LocationId, EvseUid = target.EvseUid, CapacityKw = Checked(capacityKw), RecordedAtUtc = nowUtc,
    };

    internal void Set(decimal capacityKw, DateTime nowUtc)
    {
        CapacityKw = Checked(capacityKw);
        RecordedAtUtc = nowUtc;
    }
}
