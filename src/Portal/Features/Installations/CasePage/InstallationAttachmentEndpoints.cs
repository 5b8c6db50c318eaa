using Portal.Components.Shared;
using System.Security.Claims;
using Portal.Integration.Documents;

namespace Portal.Features.Installations.CasePage;

internal static class InstallationAttachmentEndpoints
{
    /// <summary>
    /// A step's photo or document, for whoever may read the case (its municipality's officers, the case's CPO users,
    /// administrators); anyone else and an unknown id get 404. Always a download with the type found in its bytes.
    /// </summary>
    public static void MapInstallationAttachmentEndpoints(this WebApplication app) =>
        app.MapGet("/beheer/installaties/{id:guid}/bijlagen/{attachmentId:guid}", DownloadAsync).RequireAuthorization();

    private static async Task<IResult> DownloadAsync(Guid id, Guid attachmentId, ClaimsPrincipal user, InstallationAttachmentService attachments, DocumentStore store, HttpContext context, CancellationToken ct)
    {
        var file = await attachments.FileAsync(user, id, attachmentId, ct);
        if (file is null || store.OpenRead(file.StorageKey) is not { } stream)
            return Results.NotFound();
        return PrivateDownload.Of(stream, file.ContentType, file.FileName, context);
    }
}
