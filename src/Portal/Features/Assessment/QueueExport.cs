using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Components.BackOffice;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Integration.Csv;
using Portal.Resources;

namespace Portal.Features.Assessment;

/// <summary>
/// The queue as a CSV file for Excel: the chosen rows, or every row the filter and search match,
/// in the grid's order and with the grid's columns. Dutch Excel reads ';' as the separator and
/// needs the byte-order mark to see UTF-8. A cell that starts with =, +, - or @ would be read as a
/// formula (a resident types their own street name), so it gets a leading quote.
/// </summary>
internal sealed class QueueExport(QueueQueries queue, IStringLocalizer<Texts> T)
{
    public const char Separator = ';';

    public async Task<byte[]> CsvAsync(ClaimsPrincipal officer, QueueFilter filter, GridQuery grid, IReadOnlyCollection<Guid>? ids = null, CancellationToken ct = default)
    {
        var rows = await queue.AllAsync(officer, filter, grid, ids is { Count: > 0 } ? ids : null, ct);
        var csv = new StringBuilder();
        Line(csv, [T["Queue.Reference"], T["Queue.Address"], T["Queue.District"], T["Queue.StatusColumn"], T["Queue.Advice"],
            T["Queue.Submitted"], T["Queue.Deadline"], T["Queue.Assigned"]]);
        foreach (var row in rows)
            Line(csv, [row.Reference, row.Address, row.District ?? "", T[$"Queue.Status.{row.Status}"], row.Advice is { } advice ? T[$"Advice.{advice}"] : "",
                row.SubmittedAtUtc is { } submitted ? DutchCalendar.LocalTime(submitted).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                DeadlineText(row.Deadline, row.ClosedAtUtc, T), row.AssignedOfficerName ?? ""]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>The deadline as the queue's label writes it.</summary>
    public static string DeadlineText(QueueDeadline? deadline, DateTime? closedAtUtc, IStringLocalizer T)
    {
        if (deadline is { } d)
        {
            var state = d.IsPaused ? T["Deadline.Paused"] : d.IsOverdue ? T["Deadline.Overdue", -d.DaysLeft] : T["Deadline.DaysLeft", d.DaysLeft];
            return $"{Format.Date(d.LastDayUtc)} ({state}{(d.IsExtended ? ", " + T["Deadline.Extended"] : "")})";
        }
        return closedAtUtc is { } closed ? T["Deadline.Closed", Format.Date(closed)] : "";
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => CsvWriting.Line(csv, cells, Separator);
}
