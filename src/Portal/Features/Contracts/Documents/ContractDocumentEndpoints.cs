using Portal.Components.Shared;
using System.Security.Claims;
using Portal.Integration.Documents;

namespace Portal.Features.Contracts.Documents;

internal static class ContractDocumentEndpoints
{
    /// <summary>
    /// A contract document's file, for the contract's officers, administrators and the operator's CPO users; anyone
    /// else, a removed document and an unknown id get 404. Always a download with the type found in its bytes.
    /// </summary>
    public static void MapContractDocumentEndpoints(this WebApplication app) =>
        app.MapGet("/beheer/contracten/{id:guid}/documenten/{documentId:guid}", DownloadAsync).RequireAuthorization();

    private static async Task<IResult> DownloadAsync(Guid id, Guid documentId, ClaimsPrincipal user, ContractDocumentQueries queries, DocumentStore store, HttpContext context, CancellationToken ct)
    {
        var file = await queries.FileAsync(user, id, documentId, ct);
        if (file is null || store.OpenRead(file.StorageKey) is not { } stream)
            return Results.NotFound();
        return PrivateDownload.Of(stream, file.ContentType, file.FileName, context);
    }
}
