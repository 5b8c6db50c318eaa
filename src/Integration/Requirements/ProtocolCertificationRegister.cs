using Microsoft.EntityFrameworkCore;
using Portal.Domain.Requirements;
using Portal.Integration.Persistence;

namespace Portal.Integration.Requirements;

/// <summary>
/// A protocol version whose certification is available, with the day a CPO must have implemented it by; no months and
/// no day when the catalogue in force has no protocol update terms.
/// </summary>
public sealed record ProtocolUpdateDue(ProtocolCertification Certification, int? Months, DateOnly? DueOn);

/// <summary>
/// The dates independent certification became available per protocol version, as administrators record them, and the
/// due dates the catalogue's update terms give them. Each record is kept; the newest per protocol version counts.
/// </summary>
public sealed class ProtocolCertificationRegister(PortalDbContext db, IRequirementCatalogue catalogue, TimeProvider clock)
{
    /// <summary>Every protocol version in force (newest record per protocol and version, not withdrawn), with its due date; by protocol, then newest availability first.</summary>
    public async Task<IReadOnlyList<ProtocolUpdateDue>> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var records = await db.ProtocolCertifications.AsNoTracking().ToListAsync(cancellationToken);
        var terms = ProtocolUpdateDeadline.From(await catalogue.CurrentAsync(cancellationToken));
        return records
            .GroupBy(r => (Protocol: r.Protocol.ToUpperInvariant(), Version: r.Version.ToUpperInvariant()))
            .Select(g => g.OrderByDescending(r => r.RecordedAtUtc).First())
            .Where(r => !r.Withdrawn)
            .OrderBy(r => r.Protocol, StringComparer.OrdinalIgnoreCase)
            .ThenByDescending(r => r.AvailableOn)
            .Select(r => Due(r, terms))
            .ToList();
    }

    /// <summary>The terms the catalogue in force gives, or null when it has no protocol update requirement.</summary>
    public async Task<ProtocolUpdateDeadline?> TermsAsync(CancellationToken cancellationToken = default) =>
        ProtocolUpdateDeadline.From(await catalogue.CurrentAsync(cancellationToken));

    /// <summary>Every record ever made, newest first.</summary>
    public async Task<IReadOnlyList<ProtocolCertification>> HistoryAsync(CancellationToken cancellationToken = default) =>
        (await db.ProtocolCertifications.AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(r => r.RecordedAtUtc)
            .ToList();

    /// <summary>Records (or corrects) when certification for a protocol version became available.</summary>
    /// <exception cref="Domain.Common.DomainRuleViolated">A field is missing, too long, or the day is in the future.</exception>
    public async Task<ProtocolCertification> RecordAsync(
        string protocol, string version, ProtocolUpdateKind kind, DateOnly availableOn, string sourceNote,
        string userId, string userName, CancellationToken cancellationToken = default)
    {
        var record = ProtocolCertification.Record(protocol, version, kind, availableOn, sourceNote, userId, userName, clock.GetUtcNow().UtcDateTime);
        db.ProtocolCertifications.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Takes a protocol version back (recorded by mistake); false when no record of it is in force.</summary>
    /// <exception cref="Domain.Common.DomainRuleViolated">The reason is missing or too long.</exception>
    public async Task<bool> WithdrawAsync(Guid recordId, string reason, string userId, string userName, CancellationToken cancellationToken = default)
    {
        var record = await db.ProtocolCertifications.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
            return false;
        var inForce = (await CurrentAsync(cancellationToken)).Any(d => d.Certification.Id == recordId);
        if (!inForce)
            return false;
        db.ProtocolCertifications.Add(record.Withdraw(reason, userId, userName, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static ProtocolUpdateDue Due(ProtocolCertification record, ProtocolUpdateDeadline? terms) =>
        terms is null
            ? new ProtocolUpdateDue(record, null, null)
            : new ProtocolUpdateDue(record, terms.MonthsFor(record.Kind), terms.DueOn(record.AvailableOn, record.Kind));
}
