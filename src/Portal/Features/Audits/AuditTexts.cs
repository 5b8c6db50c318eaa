using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Audits.Runs;
using Portal.Domain.Audits.Uptime;
using Portal.Resources;

namespace Portal.Features.Audits;

/// <summary>How the pages and mails name a run's period and figures.</summary>
internal static class AuditTexts
{
    /// <summary>A month by its name; a year or rolling twelve months as first month – last month.</summary>
    public static string Period(IStringLocalizer<Texts> T, AuditRunKind kind, DateOnly start, DateOnly end) =>
        kind == AuditRunKind.Monthly ? Format.Month(start) : T["Audit.PeriodRange", Format.Month(start), Format.Month(end.AddMonths(-1))];

    /// <summary>A ratio as a percentage with two decimals, or a dash.</summary>
    public static string Percent(decimal? ratio) => UptimeReporting.Percent(ratio) is { } p ? Format.Percent(p) : "–";

    public static string Minutes(long seconds) => UptimeReporting.Minutes(seconds).ToString("0.00", System.Globalization.CultureInfo.CurrentCulture);
}
