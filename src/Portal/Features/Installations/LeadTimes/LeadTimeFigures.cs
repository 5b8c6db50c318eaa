using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Features.Accounts;
using Portal.Integration.Csv;
using Portal.Integration.Persistence;

namespace Portal.Features.Installations.LeadTimes;

/// <summary>One CPO's figures (or, with no operator, all CPOs together): per step, the days from opening to done; the grid connections within the ACM norm; the cases finished within the contract's term.</summary>
internal sealed record OperatorLeadTimes(Guid? OperatorId, string OperatorName, int Cases, IReadOnlyDictionary<InstallationStep, LeadTimeSummary> Steps, Share GridWithinNorm, Share? FinishedInTerm);

/// <summary>The lead-time figures of the cases a person may see, per CPO and for all together.</summary>
internal sealed record LeadTimeReport(DateOnly Today, IReadOnlyList<OperatorLeadTimes> Operators, OperatorLeadTimes All)
{
    /// <summary>Whether any contract sets a term for finishing an installation.</summary>
    public bool HasTerm => All.FinishedInTerm is not null;
}

/// <summary>
/// The lead-time figures (<see cref="Domain.Installations.LeadTimes"/>) over the cases an officer's municipalities have
/// (an administrator: all), cancelled ones left out. "Finished within the term" counts the cases whose contract sets an
/// installation term (<see cref="Domain.Contracts.Contract.InstallationDueOn"/>); without any, it is "no term", not a number.
/// </summary>
internal sealed class LeadTimeFigures(PortalDbContext db, TenantAccess tenants, TimeProvider clock)
{
    public async Task<LeadTimeReport> ReportAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var isAdmin = user.IsInRole(PortalRoles.Admin);
        var municipalities = await tenants.MunicipalitiesOfAsync(user, ct);
        if (!isAdmin && municipalities.Count == 0)
            throw new UnauthorizedAccessException("Lead times are for officers and administrators.");
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var cases = await db.InstallationCases.AsNoTracking().Include(c => c.Steps).AsSplitQuery()
            .Where(c => c.Status != InstallationCaseStatus.Cancelled && (isAdmin || municipalities.Contains(c.MunicipalityId)))
            .ToListAsync(ct);
        var operatorIds = cases.Select(c => c.OperatorId).Distinct().ToList();
        var names = await db.Operators.AsNoTracking().Where(o => operatorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var contractIds = cases.Where(c => c.ContractId is not null).Select(c => c.ContractId!.Value).Distinct().ToList();
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Versions).Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        DateOnly? DueBy(InstallationCase c) => c.ContractId is { } id && contracts.TryGetValue(id, out var contract) ? contract.InstallationDueOn(c.OpenedOn) : null;
        var perOperator = cases.GroupBy(c => c.OperatorId)
            .Select(g => Figures(g.Key, names.GetValueOrDefault(g.Key, "?"), [.. g], DueBy, today))
            .OrderBy(o => o.OperatorName, StringComparer.CurrentCulture).ToList();
        return new LeadTimeReport(today, perOperator, Figures(null, "", cases, DueBy, today));
    }

    private static OperatorLeadTimes Figures(Guid? operatorId, string name, IReadOnlyList<InstallationCase> cases, Func<InstallationCase, DateOnly?> dueBy, DateOnly today) =>
        new(operatorId, name, cases.Count, Domain.Installations.LeadTimes.PerStep(cases), Domain.Installations.LeadTimes.GridConnectionsWithinNorm(cases, today),
            FinishedInTerm(cases, dueBy, today));

    /// <summary>The share commissioned by the contract's term; null ("no term") when no case has a term that is decided yet.</summary>
    private static Share? FinishedInTerm(IReadOnlyList<InstallationCase> cases, Func<InstallationCase, DateOnly?> dueBy, DateOnly today)
    {
        var share = Domain.Installations.LeadTimes.CommissionedInTime(cases, dueBy, today);
        return share.Decided == 0 ? null : share;
    }

    public const char Separator = ';';

    private static readonly string[] Columns =
    [
        "operator", "step", "cases_reached", "median_days", "p90_days", "grid_within_norm", "grid_decided", "finished_in_term", "finished_decided",
    ];

    /// <summary>One line per CPO and step, then the same for all CPOs ("*"); a share without a term or decision is empty.</summary>
    public static byte[] Csv(LeadTimeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        Line(csv, Columns);
        foreach (var o in report.Operators.Append(report.All with { OperatorName = "*" }))
        {
            foreach (var (step, summary) in o.Steps.OrderBy(s => s.Key))
            {
                Line(csv,
                [
                    o.OperatorName, step.ToString(), Number(summary.Count), Number(summary.MedianDays), Number(summary.Percentile90Days),
                    Number(o.GridWithinNorm.Within), Number(o.GridWithinNorm.Decided),
                    o.FinishedInTerm is { } t ? Number(t.Within) : "", o.FinishedInTerm is { } d ? Number(d.Decided) : "",
                ]);
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => CsvWriting.Line(csv, cells, Separator);
}
