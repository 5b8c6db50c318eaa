using Portal.Components.Shared;
using System.Security.Claims;
using Portal.Domain.Accounts;

namespace Portal.Features.TrafficOrders.Objections;

internal static class ObjectionDocumentEndpoints
{
    /// <summary>
    /// A file of an objection (an attachment or the hearing minutes), for the officers of its municipality only;
    /// anyone else gets 404 whichever ids they try. Always a download with the type found in its bytes.
    /// </summary>
    public static void MapObjectionDocumentEndpoints(this WebApplication app) =>
        app.MapGet("/beheer/bezwaren/{id:guid}/documenten/{documentId:guid}", DownloadAsync)
            .RequireAuthorization(p => p.RequireRole(PortalRoles.Officer));

    private static async Task<IResult> DownloadAsync(Guid id, Guid documentId, ClaimsPrincipal user, ObjectionService objections, HttpContext context, CancellationToken ct)
    {
        if (await objections.OpenDocumentAsync(user, id, documentId, ct) is not var (document, stream))
            return Results.NotFound();
        return PrivateDownload.Of(stream, document.ContentType, document.FileName, context);
    }
}
