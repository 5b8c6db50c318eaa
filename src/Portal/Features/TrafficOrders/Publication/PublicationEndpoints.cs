using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using Portal.Domain.Accounts;
using Portal.Domain.TrafficOrders.OrderTexts;
using Portal.Integration.TrafficOrders;

namespace Portal.Features.TrafficOrders.Publishing;

/// <summary>
/// Downloads for officers: an order's publication package (PDF, HTML, JSON, or all three in a zip) and the
/// sign register (CSV, GeoJSON) of an order or of a municipality. Another municipality's order answers 404.
/// </summary>
internal static class PublicationEndpoints
{
    public const string Base = "/beheer/verkeersbesluiten";

    public static void MapPublicationEndpoints(this WebApplication app)
    {
        var officers = app.MapGroup(Base).RequireAuthorization(p => p.RequireRole(PortalRoles.Officer));

        officers.MapGet("/{id:guid}/publicatie.pdf", (Guid id, string? publicatiedatum, ClaimsPrincipal user, OrderPublication publication, CancellationToken ct) =>
            PackageAsync(id, publicatiedatum, user, publication, d => Results.File(OrderPdf.Write(d), "application/pdf", FileName(d, "pdf")), ct));
        officers.MapGet("/{id:guid}/publicatie.html", (Guid id, string? publicatiedatum, ClaimsPrincipal user, OrderPublication publication, CancellationToken ct) =>
            PackageAsync(id, publicatiedatum, user, publication, d => Results.File(System.Text.Encoding.UTF8.GetBytes(OrderHtml.Write(d)), "text/html; charset=utf-8", FileName(d, "html")), ct));
        officers.MapGet("/{id:guid}/publicatie.json", (Guid id, string? publicatiedatum, ClaimsPrincipal user, OrderPublication publication, CancellationToken ct) =>
            PackageAsync(id, publicatiedatum, user, publication, d => Results.File(OrderPublicationJson.Write(d), "application/json", FileName(d, "json")), ct));
        officers.MapGet("/{id:guid}/publicatie.zip", (Guid id, string? publicatiedatum, ClaimsPrincipal user, OrderPublication publication, CancellationToken ct) =>
            PackageAsync(id, publicatiedatum, user, publication, d => Results.File(Zip(d), "application/zip", FileName(d, "zip")), ct));

        officers.MapGet("/{id:guid}/borden.csv", async (Guid id, ClaimsPrincipal user, OrderPublication publication, CancellationToken ct) =>
            await publication.SignsOfOrderAsync(user, id, ct) is { } rows ? Results.File(SignRegister.Csv(rows), "text/csv; charset=utf-8", "borden.csv") : Results.NotFound());
        officers.MapGet("/{id:guid}/borden.geojson", async (Guid id, ClaimsPrincipal user, OrderPublication publication, CancellationToken ct) =>
            await publication.SignsOfOrderAsync(user, id, ct) is { } rows ? Results.File(SignRegister.GeoJson(rows), "application/geo+json", "borden.geojson") : Results.NotFound());

        officers.MapGet("/borden.csv", async (Guid? gemeente, ClaimsPrincipal user, OrderPublication publication, TimeProvider clock, CancellationToken ct) =>
            await publication.SignsOfMunicipalityAsync(user, gemeente, ct) is { } rows ? Results.File(SignRegister.Csv(rows), "text/csv; charset=utf-8", RegisterName(clock, "csv")) : Results.NotFound());
        officers.MapGet("/borden.geojson", async (Guid? gemeente, ClaimsPrincipal user, OrderPublication publication, TimeProvider clock, CancellationToken ct) =>
            await publication.SignsOfMunicipalityAsync(user, gemeente, ct) is { } rows ? Results.File(SignRegister.GeoJson(rows), "application/geo+json", RegisterName(clock, "geojson")) : Results.NotFound());
    }

    /// <summary>The address of one part of an order's package, with the planned publication day when given.</summary>
    public static string PackageUrl(Guid orderId, string extension, DateOnly? plannedPublication = null) =>
        plannedPublication is { } day
            ? string.Create(CultureInfo.InvariantCulture, $"{Base}/{orderId}/publicatie.{extension}?publicatiedatum={day:yyyy-MM-dd}")
            : $"{Base}/{orderId}/publicatie.{extension}";

    private static async Task<IResult> PackageAsync(Guid id, string? plannedText, ClaimsPrincipal user, OrderPublication publication, Func<OrderDocument, IResult> answer, CancellationToken ct)
    {
        DateOnly? planned = null;
        if (!string.IsNullOrWhiteSpace(plannedText))
        {
            if (!DateOnly.TryParseExact(plannedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "publicatiedatum must be a date written yyyy-MM-dd.");
            planned = day;
        }
        return await publication.DocumentAsync(user, id, planned, ct) is { } document ? answer(document) : Results.NotFound();
    }

    private static byte[] Zip(OrderDocument document)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, FileName(document, "pdf"), OrderPdf.Write(document));
            Add(zip, FileName(document, "html"), System.Text.Encoding.UTF8.GetBytes(OrderHtml.Write(document)));
            Add(zip, FileName(document, "json"), OrderPublicationJson.Write(document));
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }

    private static string FileName(OrderDocument document, string extension) =>
        $"{document.Reference}-{(document.IsDraftOrder ? "ontwerp-verkeersbesluit" : "verkeersbesluit")}.{extension}";

    private static string RegisterName(TimeProvider clock, string extension) =>
        $"bordenregister-{clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
}
