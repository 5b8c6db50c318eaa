using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Installations.BulkUpdate;

internal enum BulkUpdateOutcome
{
    /// <summary>The preview: the row would be applied.</summary>
    Ready,
    Applied,
    Refused,
}

/// <summary>One row of the preview or the report: what it said, and what became of it and why.</summary>
internal sealed record BulkUpdateResultRow(int Line, string Reference, InstallationStep? Step, DateOnly? DoneOn, string? Comment, BulkUpdateOutcome Outcome, string? Reason, Guid? CaseId);

internal sealed record BulkUpdateReport(IReadOnlyList<BulkUpdateResultRow> Rows)
{
    public int Count(BulkUpdateOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}

/// <summary>
/// Many step reports at once from a CSV (<see cref="BulkUpdateFile"/>): first a preview, which runs every row through
/// the case's rules in memory in file order (a row accepting a case lets the next rows report on it) and saves
/// nothing; then the same rows applied one at a time through <see cref="InstallationService"/>, each applied row one
/// history entry on its case. A row is refused with its reason: unreadable, an unknown reference, a case the person
/// may not report on (another operator's, another municipality's), a step with its own form (grid connection,
/// commissioning), or the rule the step breaks.
/// </summary>
internal sealed class InstallationBulkUpdate(PortalDbContext db, InstallationAccess access, InstallationService installations, TimeProvider clock, IStringLocalizer<Texts> T)
{
    private static readonly InstallationActor PreviewActor = new("preview", "preview");

    public Task<BulkUpdateReport> PreviewAsync(ClaimsPrincipal user, IReadOnlyList<BulkUpdateFileRow> rows, CancellationToken ct = default) =>
        RunAsync(user, rows, apply: false, ct);

    public Task<BulkUpdateReport> ApplyAsync(ClaimsPrincipal user, IReadOnlyList<BulkUpdateFileRow> rows, CancellationToken ct = default) =>
        RunAsync(user, rows, apply: true, ct);

    private async Task<BulkUpdateReport> RunAsync(ClaimsPrincipal user, IReadOnlyList<BulkUpdateFileRow> rows, bool apply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var viewer = await access.ViewerAsync(user, ct);
        var references = rows.Select(r => r.Parsed.Line?.Reference).OfType<string>().Distinct().ToList();
        // Read without tracking: the preview tries the steps on these copies; applying reads each case afresh through the service.
        var cases = (await db.InstallationCases.AsNoTracking().Include(c => c.Steps).AsSplitQuery()
                .Where(c => references.Contains(c.Reference)).ToListAsync(ct))
            .ToLookup(c => c.Reference, StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);

        var report = new List<BulkUpdateResultRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Parsed.Line is not { } line)
            {
                report.Add(new BulkUpdateResultRow(row.Line, "", null, null, null, BulkUpdateOutcome.Refused, ProblemText(row.Parsed), null));
                continue;
            }
            var refused = (string reason, Guid? caseId) => new BulkUpdateResultRow(row.Line, line.Reference, line.Step, line.DoneOn, line.Comment, BulkUpdateOutcome.Refused, reason, caseId);
            var candidates = cases[line.Reference].ToList();
            var mine = candidates.Where(viewer.CanReport).ToList();
            if (candidates.Count == 0)
            {
                report.Add(refused(T["BulkUpdate.UnknownReference", line.Reference], null));
                continue;
            }
            if (mine.Count == 0)
            {
                report.Add(refused(T["BulkUpdate.NotYours", line.Reference], null));
                continue;
            }
            if (mine.Count > 1)
            {
                report.Add(refused(T["BulkUpdate.Ambiguous", line.Reference], null));
                continue;
            }
            var installation = mine[0];
            if (line.Step is InstallationStep.GridConnectionRequested or InstallationStep.Commissioned)
            {
                report.Add(refused(T["BulkUpdate.OwnForm", T[$"InstallationStep.{line.Step}"]], installation.Id));
                continue;
            }
            var problem = apply
                ? await ApplyOneAsync(user, installation.Id, line, ct)
                : TryInMemory(installation, line, today, now);
            report.Add(problem is null
                ? new BulkUpdateResultRow(row.Line, line.Reference, line.Step, line.DoneOn, line.Comment, apply ? BulkUpdateOutcome.Applied : BulkUpdateOutcome.Ready, null, installation.Id)
                : refused(problem, installation.Id));
        }
        return new BulkUpdateReport(report);
    }

    private async Task<string?> ApplyOneAsync(ClaimsPrincipal user, Guid caseId, BulkUpdateLine line, CancellationToken ct)
    {
        try
        {
            return (await installations.ReportAsync(user, caseId, line.Step, line.DoneOn, line.Comment, ct)).Problem;
        }
        catch (UnauthorizedAccessException)
        {
            return T["BulkUpdate.NotYours", line.Reference];
        }
    }

    private string? TryInMemory(InstallationCase installation, BulkUpdateLine line, DateOnly today, DateTime now)
    {
        try
        {
            installation.Report(line.Step, line.DoneOn, line.Comment, PreviewActor, today, now);
            return null;
        }
        catch (DomainRuleViolated e)
        {
            return RuleMessages.Text(T, e);
        }
    }

    private string ProblemText(BulkUpdateRowResult parsed) => parsed.Problem switch
    {
        BulkUpdateRowProblem.ReferenceMissing => T["BulkUpdate.Problem.ReferenceMissing"],
        BulkUpdateRowProblem.UnknownStep => T["BulkUpdate.Problem.UnknownStep", parsed.Value ?? ""],
        BulkUpdateRowProblem.BadDate => T["BulkUpdate.Problem.BadDate", parsed.Value ?? ""],
        BulkUpdateRowProblem.CommentTooLong => T["BulkUpdate.Problem.CommentTooLong", parsed.Value ?? ""],
        BulkUpdateRowProblem.TooManyColumns => T["BulkUpdate.Problem.TooManyColumns", parsed.Value ?? ""],
        _ => throw new ArgumentOutOfRangeException(nameof(parsed), parsed.Problem, null),
    };
}
