using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Resources;

namespace Portal.Features.Installations.BulkUpdate;

internal static class BulkUpdateEndpoints
{
    public const string TemplatePath = "/cpo/installaties/importeren/sjabloon.csv";

    /// <summary>The template CSV for the bulk update, in the reader's language, for CPO users and officers.</summary>
    public static void MapInstallationBulkUpdateEndpoints(this WebApplication app) =>
        app.MapGet(TemplatePath, Template).RequireAuthorization(p => p.RequireRole(PortalRoles.CpoUser, PortalRoles.Officer));

    private static IResult Template(IStringLocalizer<Texts> T, TimeProvider clock, HttpContext context)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TemplateText(T, DutchCalendar.Day(clock.GetUtcNow().UtcDateTime)))).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", T["BulkUpdate.TemplateFileName"]);
    }

    /// <summary>A header and two example rows (a step by number, a step by name), semicolon-separated as Dutch spreadsheets read them.</summary>
    public static string TemplateText(IStringLocalizer<Texts> T, DateOnly today)
    {
        var reference = $"IN-{today.Year.ToString(CultureInfo.InvariantCulture)}-0001";
        var builder = new StringBuilder();
        builder.Append(T["BulkUpdate.TemplateHeader"].Value).Append("\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"{reference};{(int)InstallationStep.NeighboursInformed};{today:yyyy-MM-dd};{T["BulkUpdate.TemplateComment"].Value}\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"{reference};{T[$"InstallationStep.{InstallationStep.DiggingPermitted}"].Value};{today:dd-MM-yyyy};\r\n");
        return builder.ToString();
    }
}
