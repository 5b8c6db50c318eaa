using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.TrafficOrders;
using Portal.Domain.TrafficOrders.OrderTexts;
using static Portal.Domain.Tests.TrafficOrders.OrderTestData;

namespace Portal.Domain.Tests.TrafficOrders;

/// <summary>
/// An order with its municipality's template into the text of the order. The dates are worked out by hand:
/// published Thursday 5 March 2026, objections until Thursday 16 April; a planned publication on Monday
/// 13 April 2026 gives 25 May as day 42, which is Whit Monday (Easter 2026 is 5 April), so the term runs
/// to Tuesday 26 May.
/// </summary>
public sealed class RenderingAnOrderTextTests
{
    private static OrderTextInput Input(OrderTextTemplate? template = null, IReadOnlyList<RoadTrafficInterest>? interests = null, string? motivation = null, DateOnly? planned = null) =>
        new("Arnhem", "GM0202", template ?? OrderTextTemplate.Default, interests ?? RoadTrafficInterests.UsualForCharging, motivation,
            PublicationChannel.Gemeenteblad, planned ?? D(2026, 4, 13));

    private static string Text(OrderDocument document) =>
        string.Join("\n", document.Sections.SelectMany(s => s.Paragraphs.Concat(s.Bullets).Concat(s.ParagraphsAfter)).Append(document.Title).Concat(document.SignatureLines));

    [Fact]
    public void APublishedDirectOrder_NamesItsRecordedPublication_AndTheObjectionTermsLastDay()
    {
        var document = OrderTextRenderer.Render(PublishedDirect(), Input(), Calendar);

        Assert.Equal("Verkeersbesluit Parkeerplaatsen voor opladen, Arnhem-Noord", document.Title);
        Assert.Equal((D(2026, 3, 5), false, D(2026, 4, 16)), (document.PublicationDay, document.PublicationDayPlanned, document.LastDay));
        var clause = document.Sections.Single(s => s.Heading == "Bezwaar");
        Assert.StartsWith("Dit besluit is bekendgemaakt in het Gemeenteblad van 5 maart 2026. Wie belanghebbende is, kan tot en met 16 april 2026 bezwaar maken bij het college van burgemeester en wethouders van Arnhem.", clause.Paragraphs[0]);
        Assert.Contains("het kenmerk VB-2026-0001 van dit besluit", clause.Paragraphs[0]);
        Assert.Equal("Arnhem, 4 maart 2026", document.SignatureLines[0]);
        Assert.Equal(["Arnhem, 4 maart 2026", "", "Burgemeester en wethouders van Arnhem,", "namens dezen,", "", "het hoofd van de afdeling Verkeer en Mobiliteit"], document.SignatureLines);
    }

    [Fact]
    public void BeforePublication_TheTermIsReckonedFromThePlannedDay_PastWhitMonday()
    {
        var order = Draft();

        var document = OrderTextRenderer.Render(order, Input(planned: D(2026, 4, 13)), Calendar);

        Assert.Equal((D(2026, 4, 13), true, D(2026, 5, 26)), (document.PublicationDay, document.PublicationDayPlanned, document.LastDay));
        Assert.Contains("tot en met 26 mei 2026 bezwaar maken", Text(document));
        Assert.Equal("Arnhem, (datum van het besluit)", document.SignatureLines[0]);
    }

    [Fact]
    public void ADraftOrderPreparedPublicly_IsTitledAsADraft_WithTheViewsTerm()
    {
        var order = Draft(TrafficOrderRoute.PublicPreparation);

        // Views run from the day the draft is available, that day included: 14 April + 41 days = Sunday 24 May,
        // Whit Monday 25 May, so Tuesday 26 May.
        var document = OrderTextRenderer.Render(order, Input(planned: D(2026, 4, 14)), Calendar);

        Assert.True(document.IsDraftOrder);
        Assert.Equal("Ontwerp: Verkeersbesluit Parkeerplaatsen voor opladen, Arnhem-Noord", document.Title);
        Assert.Equal(["Overwegende", "Gelet op", "Ontwerpbesluit", "Zienswijzen"], document.Sections.Skip(1).Select(s => s.Heading));
        Assert.Contains("Tot en met 26 mei 2026 kan iedereen schriftelijk of mondeling een zienswijze", Text(document));
        Assert.DoesNotContain("bezwaar maken", Text(document));
    }

    [Fact]
    public void TheFinalOrderAfterPublicPreparation_HasTheAppealClause_NotAnObjectionClause()
    {
        var order = Draft(TrafficOrderRoute.PublicPreparation);
        order.RecordPoliceConsultation(D(2026, 2, 20), "Akkoord.", Officer, Noon(D(2026, 2, 20)));
        order.PublishDraft(Publication.Create(PublicationChannel.Gemeenteblad, D(2026, 3, 2), "gmb-2026-90001"), Officer, Noon(D(2026, 3, 2)));
        order.Decide(D(2026, 4, 14), Officer, Noon(D(2026, 4, 14)), Calendar);
        order.Publish(Publication.Create(PublicationChannel.Staatscourant, D(2026, 4, 16), "stcrt-2026-95000"), Officer, Noon(D(2026, 4, 16)));

        var document = OrderTextRenderer.Render(order, Input(), Calendar);

        Assert.False(document.IsDraftOrder);
        Assert.Equal(PublicationChannel.Staatscourant, document.Channel);
        Assert.Equal("Beroep", document.Sections[^1].Heading);
        Assert.Contains("kan tot en met 28 mei 2026 beroep instellen bij de rechtbank", document.Sections[^1].Paragraphs[0]);
        Assert.Equal(D(2026, 5, 28), document.LastDay);
    }

    [Fact]
    public void TheConsiderations_NameTheChosenInterests_InTheLawsOrder_WithTheMotivationAfter()
    {
        var document = OrderTextRenderer.Render(Draft(), Input(interests: [RoadTrafficInterest.FreedomOfTraffic, RoadTrafficInterest.RoadSafety],
            motivation: "De buurt vroeg hierom.\n\nDe plekken liggen aan de rand van de wijk."), Calendar);

        var considerations = document.Sections.Single(s => s.Heading == "Overwegende");
        Assert.Equal([
            "het verzekeren van de veiligheid op de weg (artikel 2, eerste lid, onder a van de Wegenverkeerswet 1994);",
            "het zoveel mogelijk waarborgen van de vrijheid van het verkeer (artikel 2, eerste lid, onder d van de Wegenverkeerswet 1994);",
        ], considerations.Bullets);
        Assert.Equal(["De buurt vroeg hierom.", "De plekken liggen aan de rand van de wijk."], considerations.ParagraphsAfter);
        Assert.Contains("dat dit besluit 2 locatie(s) met samen 4 parkeerplaats(en) betreft;", considerations.Paragraphs);
    }

    [Fact]
    public void TheLocations_AreNumbered_WithPlaceAndSigns_AndTheBoardsAreNamedInTheDecision()
    {
        var order = Draft(locations: 1);
        order.AddLocation(Guid.NewGuid(), "Sonsbeekweg", null, Coordinate.FromWgs84(51.99, 5.9), 3,
            PlannedSign.Create(SignBoard.E8, null, "ma-vr 8-20 h", 120), Noon(D(2026, 2, 2)));

        var document = OrderTextRenderer.Render(order, Input(), Calendar);

        Assert.Equal([1, 2], document.Locations.Select(l => l.Number));
        Assert.Equal("Utrechtseweg ter hoogte van nr. 10", document.Locations[0].Place);
        Assert.Equal("bord E4 met onderbord \u201Copladen van elektrische voertuigen\u201D", document.Locations[0].SignDescription);
        Assert.Equal(("Sonsbeekweg", "E08"), (document.Locations[1].Place, document.Locations[1].RvvCode));
        Assert.Equal("bord E8 met onderbord \u201Copladen van elektrische voertuigen\u201D, ma-vr 8-20 h, maximale parkeerduur 2 uur", document.Locations[1].SignDescription);
        var decision = document.Sections.Single(s => s.ListsLocations);
        Assert.Contains("door plaatsing van bord E4 en E8 van bijlage 1", decision.Paragraphs[0]);
    }

    [Fact]
    public void AnOwnTemplate_IsFilledIn_PlaceholderByPlaceholder()
    {
        var own = OrderTextTemplate.Default with
        {
            Title = "Laadplaatsen {titel} ({kenmerk})",
            Preamble = "De burgemeester van {gemeente}\r\nbesluit namens het college;",
        };

        var document = OrderTextRenderer.Render(PublishedDirect(), Input(own), Calendar);

        Assert.Equal("Laadplaatsen Parkeerplaatsen voor opladen, Arnhem-Noord (VB-2026-0001)", document.Title);
        Assert.Equal(["De burgemeester van Arnhem besluit namens het college;"], document.Sections[0].Paragraphs);
    }

    [Theory]
    [InlineData(120, "2 uur")]
    [InlineData(60, "1 uur")]
    [InlineData(90, "90 minuten")]
    public void ParkingTimes_ReadAsHoursOrMinutes(int minutes, string expected) =>
        Assert.Equal(expected, OrderTextRenderer.Duration(minutes));

    [Fact]
    public void TheDefaultTemplate_HasNoProblems() => Assert.Empty(OrderTextTemplate.Default.Problems());

    [Fact]
    public void ATemplate_IsCheckedPartByPart()
    {
        var broken = OrderTextTemplate.Default with
        {
            Title = "  ",
            Preamble = "Het college van {gemeente;",
            Considerations = "dat {naam_aanvrager} erom vroeg; {gemeente}",
            ObjectionClause = "Bezwaar binnen zes weken.",
            Signature = new string('x', OrderTextTemplate.MaxPartLength + 1),
        };

        var problems = broken.Problems().Select(p => (p.Part, p.Violation.Rule!.Value)).ToList();

        Assert.Equal([
            (OrderTemplatePart.Title, DomainRule.OrderTemplatePartMissing),
            (OrderTemplatePart.Preamble, DomainRule.OrderTemplateBraceUnmatched),
            (OrderTemplatePart.Considerations, DomainRule.OrderTemplateUnknownPlaceholder),
            (OrderTemplatePart.ObjectionClause, DomainRule.OrderTemplateLastDayMissing),
            (OrderTemplatePart.Signature, DomainRule.OrderTemplatePartTooLong),
        ], problems);
        var unknown = broken.Problems().First(p => p.Part == OrderTemplatePart.Considerations).Violation;
        Assert.Equal("{naam_aanvrager}", unknown.Arguments[0]);
        Assert.StartsWith("{gemeente}, {kenmerk}, {titel}", (string)unknown.Arguments[1]);
    }

    [Fact]
    public void SavingATemplate_MakesANewVersion_OnlyWhenTheTextChanged()
    {
        var municipality = Guid.NewGuid();
        Assert.Null(OrderTemplateVersion.Save(municipality, null, OrderTextTemplate.Default, Officer, Noon(D(2026, 1, 5))));

        var first = OrderTemplateVersion.Save(municipality, null, OrderTextTemplate.Default with { Title = "Besluit {titel}" }, Officer, Noon(D(2026, 1, 5)))!;
        var second = OrderTemplateVersion.Save(municipality, first, first.Template with { Title = "Verkeersbesluit: {titel}\r\n" }, Officer, Noon(D(2026, 3, 10)))!;

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal("Verkeersbesluit: {titel}", second.Title);
        Assert.Null(OrderTemplateVersion.Save(municipality, second, second.Template, Officer, Noon(D(2026, 3, 11))));
        Assert.Equal([OrderTemplatePart.Title], OrderTemplateVersion.ChangedParts(first.Template, second.Template));
        // An order published on 5 March keeps the text that applied then.
        Assert.Equal("Besluit {titel}", OrderTemplateVersion.InForceAt([first, second], Noon(D(2026, 3, 5))).Title);
        Assert.Equal(OrderTextTemplate.Default, OrderTemplateVersion.InForceAt([first, second], Noon(D(2026, 1, 4))));
        var refused = Assert.Throws<DomainRuleViolated>(() => OrderTemplateVersion.Save(municipality, second, second.Template with { AppealClause = "Beroep kan." }, Officer, Noon(D(2026, 3, 12))));
        Assert.Equal(DomainRule.OrderTemplateLastDayMissing, refused.Rule);
    }

    [Fact]
    public void TheChoicesForAnOrdersText_NeedAnInterest_AndAreFixedOncePublished()
    {
        var order = Draft();
        Assert.Equal(DomainRule.OrderInterestsMissing,
            Assert.Throws<DomainRuleViolated>(() => OrderTextChoices.Make(order, [], null, Officer, Noon(D(2026, 2, 3)))).Rule);
        var choices = OrderTextChoices.Make(order, [RoadTrafficInterest.PreventingNuisance, RoadTrafficInterest.RoadSafety, RoadTrafficInterest.RoadSafety], "  Motivering.  ", Officer, Noon(D(2026, 2, 3)));
        Assert.Equal([RoadTrafficInterest.RoadSafety, RoadTrafficInterest.PreventingNuisance], choices.Interests);
        Assert.Equal("Motivering.", choices.Motivation);

        var published = PublishedDirect();
        var fixedText = Assert.Throws<DomainRuleViolated>(() => OrderTextChoices.Make(published, [RoadTrafficInterest.RoadSafety], null, Officer, Noon(D(2026, 3, 6))));
        Assert.Equal((DomainRule.OrderTextFixed, TrafficOrderStatus.Published), (fixedText.Rule, fixedText.Arguments[0]));
    }
}
