namespace Portal.Components.Shared;

/// <summary>
/// A stored file sent to a reader who may have it: always a download, with the content type found in its bytes when it
/// was stored, never sniffed by the browser and never kept in a shared cache.
/// </summary>
internal static class PrivateDownload
{
    public static IResult Of(Stream stream, string contentType, string fileName, HttpContext context)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(stream, contentType, fileName, enableRangeProcessing: false);
    }
}
