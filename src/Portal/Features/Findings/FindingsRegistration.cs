using System.Security.Claims;
using Portal.Components.Shared;
using Portal.Integration.Documents;

namespace Portal.Features.Findings;

internal static class FindingsRegistration
{
    /// <summary>The findings' workflow: answers, decisions, the daily deadline round and its reminders.</summary>
    public static IServiceCollection AddFindings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FindingOptions>().Bind(configuration.GetSection(FindingOptions.Section))
            .Validate(o => o.ResponseWorkingDays is > 0 and <= 100, "Findings:ResponseWorkingDays is between 1 and 100.").ValidateOnStart();
        services.AddScoped<FindingService>();
        services.AddScoped<FindingDeadlines>();
        return services;
    }

    /// <summary>
    /// An answer's attachment, for whoever may read the finding (its operator's CPO users, the contract's officers,
    /// administrators); anyone else and an unknown id get 404. Always a download with the type found in its bytes.
    /// </summary>
    public static void MapFindingEndpoints(this WebApplication app) =>
        app.MapGet("/beheer/bevindingen/{id:long}/bijlage", DownloadAsync).RequireAuthorization();

    private static async Task<IResult> DownloadAsync(long id, ClaimsPrincipal user, FindingService findings, DocumentStore store, HttpContext context, CancellationToken ct)
    {
        var file = await findings.AttachmentAsync(user, id, ct);
        if (file is null || store.OpenRead(file.StorageKey) is not { } stream)
            return Results.NotFound();
        return PrivateDownload.Of(stream, file.ContentType, file.FileName, context);
    }
}
