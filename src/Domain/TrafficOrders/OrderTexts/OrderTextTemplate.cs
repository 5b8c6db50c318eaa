using System.Text.RegularExpressions;
using Portal.Domain.Common;

namespace Portal.Domain.TrafficOrders.OrderTexts;

/// <summary>
/// A municipality's text for its traffic orders, in Dutch, one text per part, with placeholders such as
/// <c>{gemeente}</c> and <c>{laatste_dag}</c> that <see cref="OrderTextRenderer"/> fills from the order. The
/// interests (WVW 1994 art. 2), the list of locations and signs, and the dates are never typed: they come
/// from the order. Nothing in a template or in an order can name an applicant.
/// </summary>
public sealed partial record OrderTextTemplate(
    string Title,
    string Preamble,
    string Considerations,
    string LegalBasis,
    string Decision,
    string ObjectionClause,
    string ViewsClause,
    string AppealClause,
    string Signature)
{
    public const int MaxPartLength = 4000;

    /// <summary>Every placeholder a template may use, with what it is filled with (Dutch, for the editing page).</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Placeholders { get; } =
    [
        ("gemeente", "naam van de gemeente"),
        ("kenmerk", "kenmerk van het besluit, bijv. VB-2026-0007"),
        ("titel", "titel van het besluit"),
        ("aantal_locaties", "aantal locaties in het besluit"),
        ("aantal_parkeerplaatsen", "aantal parkeerplaatsen samen"),
        ("bord", "bord(en) volgens RVV 1990, bijv. E4"),
        ("onderbord", "tekst van het onderbord"),
        ("datum", "datum van het besluit"),
        ("publicatiedatum", "dag van bekendmaking (of terinzagelegging)"),
        ("laatste_dag", "laatste dag van de termijn, berekend volgens de Awb en de Algemene termijnenwet"),
        ("kanaal", "Gemeenteblad of Staatscourant"),
    ];

    /// <summary>The placeholder that names the computed last day; every clause needs it.</summary>
    public const string LastDayPlaceholder = "{laatste_dag}";

    /// <summary>The text the portal ships with, for a municipality that has not written its own.</summary>
    public static OrderTextTemplate Default { get; } = new(
        Title: "Verkeersbesluit {titel}",
        Preamble: "Het college van burgemeester en wethouders van {gemeente};",
        Considerations:
            "dat het wenselijk is in de gemeente {gemeente} parkeerplaatsen aan te wijzen die uitsluitend bestemd zijn voor het opladen van elektrische voertuigen, zodat wie geen eigen parkeerplaats heeft zijn voertuig in de openbare ruimte kan opladen;\n\n" +
            "dat dit besluit {aantal_locaties} locatie(s) met samen {aantal_parkeerplaatsen} parkeerplaats(en) betreft;\n\n" +
            "dat een parkeerplaats alleen voor het opladen van elektrische voertuigen kan worden gereserveerd met een bord {bord} met een onderbord, en dat daarvoor een verkeersbesluit nodig is;\n\n" +
            "dat dit besluit wordt genomen met het oog op de volgende belangen van de Wegenverkeerswet 1994:",
        LegalBasis:
            "Gelet op artikel 15, eerste lid, en artikel 18, eerste lid, onder d, van de Wegenverkeerswet 1994, en op de artikelen 12, 21, 24 en 26 van het Besluit administratieve bepalingen inzake het wegverkeer (BABW);\n\n" +
            "gelet op het overleg met de politie, zoals artikel 24 van het BABW voorschrijft;",
        Decision:
            "op de hieronder genoemde locaties parkeerplaatsen aan te wijzen als parkeerplaats voor het opladen van elektrische voertuigen, door plaatsing van bord {bord} van bijlage 1 van het Reglement verkeersregels en verkeerstekens 1990 met het onderbord \"{onderbord}\", zoals per locatie vermeld:",
        ObjectionClause:
            "Dit besluit is bekendgemaakt in het {kanaal} van {publicatiedatum}. Wie belanghebbende is, kan tot en met {laatste_dag} bezwaar maken bij het college van burgemeester en wethouders van {gemeente}. Vermeld in het bezwaarschrift uw naam en adres, de datum, het kenmerk {kenmerk} van dit besluit en waarom u het er niet mee eens bent, en onderteken het.\n\n" +
            "Een bezwaar schorst de werking van dit besluit niet (artikel 6:16 van de Algemene wet bestuursrecht). Bij spoed kunt u de voorzieningenrechter van de rechtbank om een voorlopige voorziening vragen.",
        ViewsClause:
            "Het ontwerp van dit besluit ligt vanaf {publicatiedatum} zes weken ter inzage (afdeling 3.4 van de Algemene wet bestuursrecht). Tot en met {laatste_dag} kan iedereen schriftelijk of mondeling een zienswijze over het ontwerp geven aan het college van burgemeester en wethouders van {gemeente}, onder vermelding van kenmerk {kenmerk}.",
        AppealClause:
            "Dit besluit is voorbereid met de uniforme openbare voorbereidingsprocedure (afdeling 3.4 van de Algemene wet bestuursrecht); bezwaar is daarom niet mogelijk. Wie belanghebbende is en een zienswijze over het ontwerp heeft gegeven, of redelijkerwijs niet kan worden verweten dat niet te hebben gedaan, kan tot en met {laatste_dag} beroep instellen bij de rechtbank.",
        Signature:
            "{gemeente}, {datum}\n\nBurgemeester en wethouders van {gemeente},\nnamens dezen,\n\nhet hoofd van de afdeling Verkeer en Mobiliteit");

    public string Text(OrderTemplatePart part) => part switch
    {
        OrderTemplatePart.Title => Title,
        OrderTemplatePart.Preamble => Preamble,
        OrderTemplatePart.Considerations => Considerations,
        OrderTemplatePart.LegalBasis => LegalBasis,
        OrderTemplatePart.Decision => Decision,
        OrderTemplatePart.ObjectionClause => ObjectionClause,
        OrderTemplatePart.ViewsClause => ViewsClause,
        OrderTemplatePart.AppealClause => AppealClause,
        OrderTemplatePart.Signature => Signature,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>The same template with every part trimmed and line ends made "\n".</summary>
    public OrderTextTemplate Normalised() => new(
        Clean(Title), Clean(Preamble), Clean(Considerations), Clean(LegalBasis), Clean(Decision),
        Clean(ObjectionClause), Clean(ViewsClause), Clean(AppealClause), Clean(Signature));

    /// <summary>
    /// What is wrong with the template, part by part: an empty part, a part too long, a brace without its
    /// partner, a placeholder the portal does not know, a clause without the computed last day. Empty when it can be used.
    /// </summary>
    public IReadOnlyList<OrderTemplateProblem> Problems()
    {
        var problems = new List<OrderTemplateProblem>();
        foreach (var part in Enum.GetValues<OrderTemplatePart>())
        {
            var text = Clean(Text(part));
            if (text.Length == 0)
            {
                problems.Add(new(part, new DomainRuleViolated(DomainRule.OrderTemplatePartMissing, $"The part {part} is empty.")));
                continue;
            }
            if (text.Length > MaxPartLength)
                problems.Add(new(part, new DomainRuleViolated(DomainRule.OrderTemplatePartTooLong, $"A part can have at most {MaxPartLength} characters.", MaxPartLength)));
            if (UnmatchedBrace(text))
                problems.Add(new(part, new DomainRuleViolated(DomainRule.OrderTemplateBraceUnmatched, "Every { needs a } and the other way round; write placeholders as {name}.")));
            foreach (var unknown in PlaceholdersIn(text).Where(name => !IsKnown(name)).Distinct(StringComparer.Ordinal))
                problems.Add(new(part, new DomainRuleViolated(DomainRule.OrderTemplateUnknownPlaceholder, $"The placeholder {{{unknown}}} is unknown.",
                    $"{{{unknown}}}", string.Join(", ", Placeholders.Select(p => $"{{{p.Name}}}")))));
            if (part is OrderTemplatePart.ObjectionClause or OrderTemplatePart.ViewsClause or OrderTemplatePart.AppealClause
                && !text.Contains(LastDayPlaceholder, StringComparison.Ordinal))
                problems.Add(new(part, new DomainRuleViolated(DomainRule.OrderTemplateLastDayMissing, "A clause must name the computed last day.", LastDayPlaceholder)));
        }
        return problems;
    }

    /// <summary>The placeholders (names without braces) a text uses, in order of appearance.</summary>
    public static IEnumerable<string> PlaceholdersIn(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups["name"].Value);

    internal static bool IsKnown(string name) => Placeholders.Any(p => p.Name == name);

    internal static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value);

    private static bool UnmatchedBrace(string text)
    {
        var open = false;
        foreach (var c in text)
        {
            if (c == '{')
            {
                if (open)
                    return true;
                open = true;
            }
            else if (c == '}')
            {
                if (!open)
                    return true;
                open = false;
            }
        }
        return open;
    }

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    [GeneratedRegex(@"\{(?<name>[^{}]*)\}")]
    private static partial Regex PlaceholderPattern();
}

/// <summary>One thing wrong with one part of a template; <see cref="Violation"/> carries the rule and its values for the reader's language.</summary>
public sealed record OrderTemplateProblem(OrderTemplatePart Part, DomainRuleViolated Violation);
