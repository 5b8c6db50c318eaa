using Portal.Components.Shared;
using System.Security.Claims;
using Portal.Integration.Documents;

namespace Portal.Features.Exclusions;

internal static class ExclusionsRegistration
{
    /// <summary>The exclusion ledger: claims, the candidates' daily run and the decision mails.</summary>
    public static IServiceCollection AddExclusions(this IServiceCollection services)
    {
        services.AddScoped<ExclusionService>();
        services.AddScoped<ExclusionMailer>();
        services.AddScoped<ExclusionCandidates>();
        return services;
    }

    /// <summary>
    /// A claim's photo, for whoever may read the claim (its operator's CPO users, the contract's officers, administrators);
    /// anyone else and an unknown id get 404. Always a download with the type found in its bytes.
    /// </summary>
    public static void MapExclusionEndpoints(this WebApplication app) =>
        app.MapGet("/beheer/uitsluitingen/{id:guid}/fotos/{photoId:guid}", DownloadAsync).RequireAuthorization();

    private static async Task<IResult> DownloadAsync(Guid id, Guid photoId, ClaimsPrincipal user, ExclusionService claims, DocumentStore store, HttpContext context, CancellationToken ct)
    {
        var photo = await claims.PhotoAsync(user, id, photoId, ct);
        if (photo is null || store.OpenRead(photo.StorageKey) is not { } stream)
            return Results.NotFound();
        return PrivateDownload.Of(stream, photo.ContentType, photo.FileName, context);
    }
}
