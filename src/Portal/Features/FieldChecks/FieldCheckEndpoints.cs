using System.Security.Claims;
using Portal.Domain.Accounts;
using Portal.Integration.Documents;

namespace Portal.Features.FieldChecks;

internal static class FieldCheckEndpoints
{
    /// <summary>
    /// A sample's results as CSV, and a photo of a checklist, for the officers of its municipality and administrators;
    /// anyone else and an unknown id get 404. A photo is always a download with the type found in its bytes.
    /// </summary>
    public static void MapFieldCheckEndpoints(this WebApplication app)
    {
        app.MapGet("/beheer/veldcontroles/{id:guid}/resultaten.csv", async (Guid id, ClaimsPrincipal user, FieldCheckQueries queries, HttpContext context, CancellationToken ct) =>
        {
            if (await queries.CsvAsync(user, id, ct) is not { } csv)
                return Results.NotFound();
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(csv, "text/csv; charset=utf-8", $"veldcontrole-{id:N}.csv");
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Officer, PortalRoles.Admin));

        app.MapGet("/beheer/veldcontroles/{id:guid}/fotos/{photoId:guid}", async (Guid id, Guid photoId, ClaimsPrincipal user, FieldCheckQueries queries, DocumentStore store, HttpContext context, CancellationToken ct) =>
        {
            if (await queries.PhotoAsync(user, id, photoId, ct) is not { } file || store.OpenRead(file.StorageKey) is not { } stream)
                return Results.NotFound();
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(stream, file.ContentType, file.FileName, enableRangeProcessing: false);
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Officer, PortalRoles.Admin));
    }
}
