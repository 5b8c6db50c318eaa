using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Power;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Contracts.Power;

/// <summary>
/// The maximum power per covered EVSE (<see cref="EvsePowerLimits"/>, the lowest applies) and the grid connection
/// capacities officers of the lead municipality record for the contract. Reads follow <see cref="ContractQueries"/>;
/// a write by anyone who may not edit the contract is refused with <see cref="UnauthorizedAccessException"/>.
/// </summary>
internal sealed class ContractPower(PortalDbContext db, ContractQueries contracts, ContractAccess access, UserManager<PortalUser> users, TimeProvider clock,
    IStringLocalizer<Texts> T)
{
    /// <summary>
    /// Every covered EVSE with its limits and the one that applies, judged by the version in force today (else the latest
    /// signed, else the draft); null when the reader may not see the contract.
    /// </summary>
    public async Task<ContractPowerView?> ForAsync(ClaimsPrincipal user, Guid contractId, CancellationToken ct = default)
    {
        var view = await contracts.ViewAsync(user, contractId, ct);
        if (view is null)
            return null;
        var contract = view.Contract;
        var version = contract.VersionInForceOn(view.Today) ?? contract.LatestSigned ?? contract.DraftVersion;
        var watts = (await (
                from location in db.ChargeLocations.AsNoTracking()
                where location.OperatorId == contract.OperatorId
                from evse in location.Evses
                select new { LocationId = location.OcpiLocationId ?? location.SourceId, evse.Uid, evse.MaxPowerWatts }).ToListAsync(ct))
            .GroupBy(e => new EvseRef(e.LocationId, e.Uid))
            .ToDictionary(g => g.Key, g => g.Max(e => e.MaxPowerWatts));
        var rows = view.Coverage.Covered.Select(evse =>
        {
            var limits = EvsePowerLimits.For(evse, version, contract.GridConnections, watts.GetValueOrDefault(evse));
            return new EvsePowerRow(evse, limits, MaximumPower.Of(limits));
        }).ToList();
        return new ContractPowerView(version?.Number, rows, contract.GridConnections.OrderBy(g => g.LocationId, StringComparer.Ordinal).ThenBy(g => g.EvseUid, StringComparer.Ordinal).ToList(),
            view.CanEdit);
    }

    /// <summary>Records (or, with no capacity, removes) the grid connection capacity behind a location or one EVSE.</summary>
    public async Task<ContractStep> SetGridConnectionAsync(ClaimsPrincipal officer, Guid contractId, string? locationId, string? evseUid, decimal? capacityKw, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(officer, ct);
        var contract = await ContractService.Load(db.Contracts).SingleOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null || !viewer.CanEdit(contract))
            throw new UnauthorizedAccessException("Only an officer of the contract's lead municipality changes it.");
        try
        {
            var user = await users.GetUserAsync(officer) ?? throw new InvalidOperationException("Signed-in user not found.");
            contract.SetGridConnection(EvseRef.Parse(locationId, evseUid), capacityKw, new ContractActor(user.Id, user.DisplayName), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return new ContractStep(contract.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new ContractStep(contract.Id, RuleMessages.Text(T, e));
        }
    }
}

/// <summary>The power section: the version whose terms count, each covered EVSE's limits, the recorded grid connections, and whether the reader edits.</summary>
internal sealed record ContractPowerView(int? VersionNumber, IReadOnlyList<EvsePowerRow> Evses, IReadOnlyList<GridConnection> GridConnections, bool CanEdit);

/// <summary>One covered EVSE: every source's maximum and the one that applies (null: no source sets one).</summary>
internal sealed record EvsePowerRow(EvseRef Evse, IReadOnlyList<PowerLimit> Limits, AppliedMaximumPower? Applied)
{
    public decimal? Of(PowerLimitSource source) => Limits.FirstOrDefault(l => l.Source == source)?.Kw;
}
