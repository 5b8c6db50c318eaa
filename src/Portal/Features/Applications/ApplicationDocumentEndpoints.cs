using Portal.Components.Shared;
using System.Security.Claims;
using Portal.Integration.Documents;

namespace Portal.Features.Applications;

internal static class ApplicationDocumentEndpoints
{
    /// <summary>
    /// A file of an application, for its applicant and the officers of its municipality; anyone
    /// else (another resident, another municipality's officer) gets 404, whichever ids they try.
    /// Always a download with the type found in its bytes, never shown inline.
    /// </summary>
    public static void MapApplicationDocumentEndpoints(this WebApplication app) =>
        app.MapGet("/aanvragen/{id:guid}/documenten/{documentId:guid}", DownloadAsync).RequireAuthorization();

    private static async Task<IResult> DownloadAsync(Guid id, Guid documentId, ClaimsPrincipal user, ApplicationAccess access, DocumentStore store, HttpContext context, CancellationToken ct)
    {
        var application = await access.ForResidentOrOfficerAsync(user, id, ct);
        var document = application?.Documents.FirstOrDefault(d => d.Id == documentId);
        if (document is null || store.OpenRead(document.StorageKey) is not { } stream)
            return Results.NotFound();
        return PrivateDownload.Of(stream, document.ContentType, document.FileName, context);
    }
}
