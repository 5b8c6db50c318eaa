using System.Globalization;
using Portal.Domain.Terms;

namespace Portal.Domain.TrafficOrders.OrderTexts;

/// <summary>What an order's text is made from besides the order: its municipality, the template, the officer's choices and the dates.</summary>
public sealed record OrderTextInput(
    string MunicipalityName,
    string MunicipalityCode,
    OrderTextTemplate Template,
    IReadOnlyList<RoadTrafficInterest> Interests,
    string? Motivation,
    PublicationChannel DefaultChannel,
    DateOnly PlannedPublicationDay);

/// <summary>
/// Renders an order with its municipality's template into the document's parts. A pure function: the
/// same order, template and dates give the same text. Before publication the term is reckoned from the
/// planned publication day, after it from the recorded one.
/// </summary>
public static class OrderTextRenderer
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static OrderDocument Render(TrafficOrder order, OrderTextInput input, TermsCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(input);
        var template = input.Template.Normalised();
        var isDraftOrder = order.Route == TrafficOrderRoute.PublicPreparation && order.DecidedOn is null;
        var (channel, published) = isDraftOrder
            ? (order.DraftChannel ?? input.DefaultChannel, order.DraftPublishedOn)
            : (order.Channel ?? input.DefaultChannel, order.PublishedOn);
        var day = published ?? input.PlannedPublicationDay;
        var term = isDraftOrder ? AwbTerms.Views(day, calendar)
            : order.Route == TrafficOrderRoute.Direct ? AwbTerms.Objection(day, calendar)
            : AwbTerms.Appeal(day, calendar);

        // Numbered in the order the locations were added (their ids grow), as the table and the map show them.
        var locations = order.Locations.OrderBy(l => l.Id)
            .Select((l, i) => new OrderDocumentLocation(i + 1, l.SpotId, l.Street, l.NearestHouseNumber, l.RdX, l.RdY, l.Latitude, l.Longitude,
                l.Bays, PlannedSign.Create(l.Board, l.SubSign, l.TimeWindow, l.MaxParkingMinutes).RvvCode, l.Board, l.SubSign, l.TimeWindow, l.MaxParkingMinutes, l.SignStatus))
            .ToList();
        var boards = locations.Select(l => l.Board).Distinct().Order().Select(b => b.ToString()).ToList();
        var subSigns = locations.Select(l => l.SubSign).Distinct(StringComparer.Ordinal).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["gemeente"] = input.MunicipalityName,
            ["kenmerk"] = order.Reference,
            ["titel"] = order.Title,
            ["aantal_locaties"] = locations.Count.ToString(Dutch),
            ["aantal_parkeerplaatsen"] = locations.Sum(l => l.Bays).ToString(Dutch),
            ["bord"] = boards.Count == 0 ? "E4" : JoinWithAnd(boards),
            ["onderbord"] = subSigns.Count == 0 ? PlannedSign.ChargingSubSign : string.Join("\u201D of \u201C", subSigns),
            ["datum"] = order.DecidedOn is { } decided ? Date(decided) : "(datum van het besluit)",
            ["publicatiedatum"] = Date(day),
            ["laatste_dag"] = Date(term.LastDay),
            ["kanaal"] = channel.ToString(),
        };
        string Fill(string text) => OrderTextTemplate.Fill(text, values);

        var title = Fill(template.Title);
        if (isDraftOrder)
            title = "Ontwerp: " + title;
        var interests = input.Interests.Distinct().Order()
            .Select(i => $"{RoadTrafficInterests.Wording(i)} ({RoadTrafficInterests.Article(i)} van de Wegenverkeerswet 1994);")
            .ToList();
        var (clauseHeading, clause) = isDraftOrder ? ("Zienswijzen", template.ViewsClause)
            : order.Route == TrafficOrderRoute.Direct ? ("Bezwaar", template.ObjectionClause)
            : ("Beroep", template.AppealClause);
        var motivation = string.IsNullOrWhiteSpace(input.Motivation) ? [] : Paragraphs(input.Motivation);

        OrderSection[] sections =
        [
            new(null, Paragraphs(Fill(template.Preamble)), [], []),
            new("Overwegende", Paragraphs(Fill(template.Considerations)), interests, motivation),
            new("Gelet op", Paragraphs(Fill(template.LegalBasis)), [], []),
            new(isDraftOrder ? "Ontwerpbesluit" : "Besluit", Paragraphs(Fill(template.Decision)), [], [], ListsLocations: true),
            new(clauseHeading, Paragraphs(Fill(clause)), [], []),
        ];
        var signature = Fill(template.Signature).Split('\n').Select(line => line.Trim()).ToList();
        return new OrderDocument(title, order.Reference, input.MunicipalityName, input.MunicipalityCode, isDraftOrder, sections, locations, signature,
            channel, day, published is null,
            isDraftOrder ? OrderTermKind.Views : order.Route == TrafficOrderRoute.Direct ? OrderTermKind.Objection : OrderTermKind.Appeal,
            term.LastDay, order.DecidedOn);
    }

    /// <summary>"16 april 2026".</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", Dutch);

    /// <summary>"2 uur", "90 minuten", "1 uur".</summary>
    public static string Duration(int minutes) =>
        minutes % 60 == 0 ? string.Create(Dutch, $"{minutes / 60} uur") : string.Create(Dutch, $"{minutes} minuten");

    /// <summary>Paragraphs are separated by an empty line; single line ends inside one are kept as spaces.</summary>
    private static List<string> Paragraphs(string text) =>
        [.. text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries)))];

    private static string JoinWithAnd(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " en " + items[^1];
}
