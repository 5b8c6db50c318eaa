using System.Security.Claims;
using Portal.Integration.Contracts.Compliance;

namespace Portal.Features.Contracts.Compliance;

internal static class ComplianceExportEndpoints
{
    /// <summary>
    /// A contract's compliance overview as CSV or PDF, for whoever may see the contract (its officers, administrators,
    /// the operator's CPO users), in the reader's language; anyone else gets 404.
    /// </summary>
    public static void MapComplianceExportEndpoints(this WebApplication app)
    {
        app.MapGet("/beheer/contracten/{id:guid}/naleving.csv", (Guid id, ClaimsPrincipal user, ComplianceOverviewBuilder builder, HttpContext context, CancellationToken ct) =>
            ExportAsync(id, user, builder, context, "csv", ct)).RequireAuthorization();
        app.MapGet("/beheer/contracten/{id:guid}/naleving.pdf", (Guid id, ClaimsPrincipal user, ComplianceOverviewBuilder builder, HttpContext context, CancellationToken ct) =>
            ExportAsync(id, user, builder, context, "pdf", ct)).RequireAuthorization();
    }

    private static async Task<IResult> ExportAsync(Guid id, ClaimsPrincipal user, ComplianceOverviewBuilder builder, HttpContext context, string format, CancellationToken ct)
    {
        if (await builder.BuildAsync(user, id, ct) is not var (report, name))
            return Results.NotFound();
        context.Response.Headers.CacheControl = "private, no-store";
        return format == "csv"
            ? Results.File(ComplianceCsv.Write(report, builder.SectionHeader), "text/csv; charset=utf-8", $"{name}.csv")
            : Results.File(CompliancePdf.Write(report), "application/pdf", $"{name}.pdf");
    }
}
