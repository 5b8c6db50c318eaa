namespace Portal.Domain.TrafficOrders.OrderTexts;

/// <summary>
/// The text of one traffic order, filled in and laid out as parts, ready for any format (PDF, HTML,
/// the journal). It holds only what the order itself says: the locations are places, never people.
/// </summary>
public sealed record OrderDocument(
    string Title,
    string Reference,
    string MunicipalityName,
    string MunicipalityCode,
    bool IsDraftOrder,
    IReadOnlyList<OrderSection> Sections,
    IReadOnlyList<OrderDocumentLocation> Locations,
    IReadOnlyList<string> SignatureLines,
    PublicationChannel Channel,
    DateOnly PublicationDay,
    bool PublicationDayPlanned,
    OrderTermKind Term,
    DateOnly LastDay,
    DateOnly? DecidedOn);

/// <summary>Which term the order's clause names: objections (direct route), views on a draft, or appeal after public preparation.</summary>
public enum OrderTermKind
{
    Objection,
    Views,
    Appeal,
}

/// <summary>
/// A part of the order under its heading (none for the opening line): paragraphs, then a bulleted list,
/// then paragraphs after it; <see cref="ListsLocations"/> marks where the table of locations goes.
/// </summary>
public sealed record OrderSection(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Bullets, IReadOnlyList<string> ParagraphsAfter, bool ListsLocations = false);

/// <summary>One location as the order names it, numbered as on the map.</summary>
public sealed record OrderDocumentLocation(
    int Number,
    Guid SpotId,
    string Street,
    string? NearestHouseNumber,
    double RdX,
    double RdY,
    double Latitude,
    double Longitude,
    int Bays,
    string RvvCode,
    SignBoard Board,
    string SubSign,
    string? TimeWindow,
    int? MaxParkingMinutes,
    SignPlacement SignStatus)
{
    /// <summary>"Sonsbeekweg ter hoogte van nr. 12a".</summary>
    public string Place => NearestHouseNumber is null ? Street : $"{Street} ter hoogte van nr. {NearestHouseNumber}";

    /// <summary>"bord E4 met onderbord “opladen van elektrische voertuigen”, ma-vr 8-20 h, maximaal 2 uur".</summary>
    public string SignDescription
    {
        get
        {
            var text = $"bord {Board} met onderbord \u201C{SubSign}\u201D";
            if (TimeWindow is not null)
                text += $", {TimeWindow}";
            if (MaxParkingMinutes is { } minutes)
                text += ", maximale parkeerduur " + OrderTextRenderer.Duration(minutes);
            return text;
        }
    }
}
