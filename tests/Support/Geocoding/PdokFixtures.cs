namespace Portal.Tests.Support;

/// <summary>Answers shaped like the Locatieserver's v3_1 JSON; the ids and numbers are made up for these tests.</summary>
public static class PdokFixtures
{
    public const string VelperwegId = "adr-5f0c2b1e9a7d4c3b8e6f1a2d3c4b5a69";
    public const string VelperwegAId = "adr-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public const string PostcodeId = "pcd-7e6d5c4b3a2918f7e6d5c4b3a2918f70";
    public const string BrokenId = "adr-ffffffffffffffffffffffffffffffff";

    public const string SuggestVelperweg = """
        {
          "response": {
            "numFound": 3, "start": 0, "maxScore": 14.61, "numFoundExact": true,
            "docs": [
              {"type": "adres", "weergavenaam": "Velperweg 1, 6824BA Arnhem", "id": "adr-5f0c2b1e9a7d4c3b8e6f1a2d3c4b5a69", "score": 14.61},
              {"type": "adres", "weergavenaam": "Velperweg 1A, 6824BA Arnhem", "id": "adr-0a1b2c3d4e5f60718293a4b5c6d7e8f9", "score": 13.2},
              {"type": "postcode", "weergavenaam": "Velperweg, 6824BA Arnhem", "id": "pcd-7e6d5c4b3a2918f7e6d5c4b3a2918f70", "score": 9.87}
            ]
          },
          "highlighting": {
            "adr-5f0c2b1e9a7d4c3b8e6f1a2d3c4b5a69": {"suggest": ["<b>Velperweg</b> <b>1</b>, 6824BA <b>Arnhem</b>"]},
            "adr-0a1b2c3d4e5f60718293a4b5c6d7e8f9": {"suggest": ["<b>Velperweg</b> <b>1</b>A, 6824BA <b>Arnhem</b>"]},
            "pcd-7e6d5c4b3a2918f7e6d5c4b3a2918f70": {"suggest": ["<b>Velperweg</b>, 6824BA <b>Arnhem</b>"]}
          },
          "spellcheck": {"suggestions": [], "collations": []}
        }
        """;

    public static string Lookup(string id) => id switch
    {
        VelperwegId => Envelope("""
            {"bron": "BAG", "woonplaatscode": "1046", "type": "adres", "woonplaatsnaam": "Arnhem", "wijkcode": "WK020204",
             "huis_nlt": "1", "openbareruimtetype": "Weg", "buurtnaam": "Velperweg-Noord", "gemeentecode": "0202",
             "weergavenaam": "Velperweg 1, 6824BA Arnhem", "straatnaam_verkort": "Velperweg", "id": "adr-5f0c2b1e9a7d4c3b8e6f1a2d3c4b5a69",
             "gemeentenaam": "Arnhem", "buurtcode": "BU02020401", "wijknaam": "Wijk 04 Presikhaaf-West",
             "identificatie": "0202010000012345-0202200000012345", "provinciecode": "PV25", "postcode": "6824BA",
             "provincienaam": "Gelderland", "centroide_ll": "POINT(5.92143877 51.98719044)", "huisnummer": 1,
             "provincieafkorting": "GD", "centroide_rd": "POINT(191235.41 444682.18)", "straatnaam": "Velperweg"}
            """),
        VelperwegAId => Envelope("""
            {"type": "adres", "weergavenaam": "Velperweg 1A, 6824BA Arnhem", "id": "adr-0a1b2c3d4e5f60718293a4b5c6d7e8f9",
             "huis_nlt": "1A", "huisnummer": 1, "huisletter": "A", "postcode": "6824BA", "straatnaam": "Velperweg",
             "woonplaatsnaam": "Arnhem", "gemeentecode": "0202", "gemeentenaam": "Arnhem",
             "centroide_ll": "POINT(5.92151002 51.98724517)"}
            """),
        PostcodeId => Envelope("""
            {"bron": "BAG", "type": "postcode", "woonplaatsnaam": "Arnhem", "gemeentecode": "0202", "gemeentenaam": "Arnhem",
             "weergavenaam": "Velperweg, 6824BA Arnhem", "id": "pcd-7e6d5c4b3a2918f7e6d5c4b3a2918f70", "postcode": "6824BA",
             "centroide_ll": "POINT(5.9221 51.98751)", "straatnaam": "Velperweg"}
            """),
        BrokenId => Envelope("""
            {"type": "adres", "weergavenaam": "Nergensweg 1, 0000AA Nergens", "id": "adr-ffffffffffffffffffffffffffffffff",
             "centroide_ll": "POLYGON((5.9 51.9, 5.91 51.9, 5.91 51.91, 5.9 51.9))"}
            """),
        _ => """{"response": {"numFound": 0, "start": 0, "maxScore": 0.0, "numFoundExact": true, "docs": []}}""",
    };

    private static string Envelope(string doc) =>
        $$$"""{"response": {"numFound": 1, "start": 0, "maxScore": 1.0, "numFoundExact": true, "docs": [{{{doc}}}]}}""";
}
