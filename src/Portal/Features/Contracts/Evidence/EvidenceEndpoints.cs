using Portal.Components.Shared;
using System.Security.Claims;
using Portal.Integration.Documents;

namespace Portal.Features.Contracts.Evidence;

internal static class EvidenceEndpoints
{
    /// <summary>
    /// An evidence file, for the contract's officers, administrators and the operator's CPO users; anyone else gets 404,
    /// whichever ids they try. Always a download with the type found in its bytes, never shown inline.
    /// </summary>
    public static void MapContractEvidenceEndpoints(this WebApplication app) =>
        app.MapGet("/beheer/contracten/{id:guid}/bewijs/{evidenceId:guid}", DownloadAsync).RequireAuthorization();

    private static async Task<IResult> DownloadAsync(Guid id, Guid evidenceId, ClaimsPrincipal user, EvidenceQueries queries, DocumentStore store, HttpContext context, CancellationToken ct)
    {
        var file = await queries.FileAsync(user, id, evidenceId, ct);
        if (file is null || store.OpenRead(file.StorageKey) is not { } stream)
            return Results.NotFound();
        return PrivateDownload.Of(stream, file.ContentType, file.FileName, context);
    }
}
