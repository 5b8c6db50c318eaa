using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Domain.Terms;
using Portal.Features.TrafficOrders;
using Portal.Integration.Persistence;

namespace Portal.Features.Installations.Workspace;

/// <summary>
/// The CPO user's installation cases on their home: only their own operator's, still running (open or paused), the
/// overdue ones first (their earliest overdue day first), then by the next day something is due, then by step. Late
/// is judged by <see cref="InstallationCase.Overdue"/> with the traffic orders' terms calendar, so a dig notification's
/// last day counts working days the same way. A CPO has tens or hundreds of running cases, so they are sorted in memory.
/// </summary>
internal sealed class CpoInstallationQueries(PortalDbContext db, InstallationAccess access, IOptions<TrafficOrderOptions> options, TimeProvider clock)
{
    private readonly TermsCalendar _calendar = TermsCalendar.Default.With(options.Value.EquatedDays);

    public async Task<CpoInstallations> RunningAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var viewer = await access.ViewerAsync(user, ct);
        if (viewer.OperatorId is not { } own)
            return new CpoInstallations(today, []);
        var cases = await db.InstallationCases.AsNoTracking().Include(c => c.Steps).AsSplitQuery()
            .Where(c => c.OperatorId == own && c.Status != InstallationCaseStatus.Cancelled && c.Status != InstallationCaseStatus.Completed)
            .ToListAsync(ct);
        var spotIds = cases.Select(c => c.SpotId).Distinct().ToList();
        var spots = await db.Spots.AsNoTracking().Where(s => spotIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Address, ct);
        var municipalityIds = cases.Select(c => c.MunicipalityId).Distinct().ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var rows = cases.Select(c => Row(c, spots.GetValueOrDefault(c.SpotId, ""), municipalities.GetValueOrDefault(c.MunicipalityId, ""), today))
            .OrderBy(r => r.Overdue.Count == 0)
            .ThenBy(r => r.DueOn ?? DateOnly.MaxValue)
            .ThenBy(r => r.Next ?? (InstallationStep)int.MaxValue)
            .ThenBy(r => r.Reference, StringComparer.Ordinal)
            .ToList();
        return new CpoInstallations(today, rows);
    }

    private CpoInstallationRow Row(InstallationCase installation, string address, string municipality, DateOnly today)
    {
        var overdue = installation.Overdue(today, _calendar);
        var due = overdue.Count > 0 ? overdue[0].DueOn : NextDue(installation, today);
        return new CpoInstallationRow(installation.Id, installation.Reference, address, municipality, installation.Status, installation.PauseReason,
            installation.Next, !installation[InstallationStep.AcceptedByCpo].IsDone, installation.Missing, overdue, due);
    }

    /// <summary>The next day something is due: a planned step, the grid operator's ACM norm, the dig notification's last day.</summary>
    private DateOnly? NextDue(InstallationCase installation, DateOnly today)
    {
        var days = installation.Steps.Where(s => !s.IsDone && s.PlannedOn >= today).Select(s => s.PlannedOn!.Value).ToList();
        if (installation.GridConnectionRequest is { ConnectedOn: null, DueOn: { } gridDue })
            days.Add(gridDue);
        if (installation.DigNotificationWindow(_calendar) is { } window && !installation[InstallationStep.DigNotificationMade].IsDone)
            days.Add(window.Latest);
        return days.Count == 0 ? null : days.Min();
    }
}

internal sealed record CpoInstallations(DateOnly Today, IReadOnlyList<CpoInstallationRow> Rows);

/// <summary>A running case on the CPO's home: where, its next step, whether it awaits acceptance, what is missing and late, and the day that matters next.</summary>
internal sealed record CpoInstallationRow(
    Guid Id,
    string Reference,
    string Address,
    string Municipality,
    InstallationCaseStatus Status,
    string? PauseReason,
    InstallationStep? Next,
    bool AwaitsAcceptance,
    IReadOnlyList<InstallationStep> Missing,
    IReadOnlyList<OverdueStep> Overdue,
    DateOnly? DueOn);
