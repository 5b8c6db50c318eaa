using System.Text.Json.Nodes;
using Portal.Domain.Requirements;
using Portal.Integration.Requirements;

namespace Portal.Integration.Tests.Requirements;

public sealed class ReadingTheRequirementCatalogueTests
{
    // A small catalogue written by hand: one set, two requirements, thresholds of every JSON type.
    private const string Small = """
        {
          "schema_version": 1,
          "description": "Two requirements for the tests.",
          "vocabularies": {
            "section": ["generic", "hardware"],
            "applies_to": ["AC", "DC", "public"],
            "verification_kind": ["ocpi-data", "certificate", "field-audit", "declaration"]
          },
          "sets": [
            {
              "id": "test-set",
              "title": "Test requirements",
              "publisher": "Test publisher",
              "source": "test.txt",
              "note": "Made for the tests.",
              "requirements": [
                {
                  "code": "T-1",
                  "seed_id": 1,
                  "section": "generic",
                  "seed_heading": "General",
                  "summary": "Charge points report their status within a minute.",
                  "applies_to": ["AC", "public"],
                  "standards": ["OCPI 2.2.1"],
                  "modules": ["Locations"],
                  "thresholds": [
                    {"metric": "status_latency", "max_seconds": 60, "period": "always", "regardless": true, "at": ["start", "stop"]}
                  ],
                  "verification": {"kind": "ocpi-data", "how": "Compare status timestamps."},
                  "related": ["T-2"],
                  "note": "Read with T-2."
                },
                {
                  "code": "T-2",
                  "seed_id": 2,
                  "section": "hardware",
                  "seed_heading": "Hardware",
                  "summary": "A power cap of 13.8 kW.",
                  "applies_to": ["AC"],
                  "standards": [],
                  "modules": [],
                  "thresholds": [{"metric": "max_power", "max_kw": 13.8}],
                  "verification": {"kind": "field-audit", "how": "Measure on a sample."}
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void SmallFile_IsReadWithEveryField()
    {
        var catalogue = RequirementCatalogueJson.Parse(Small);

        Assert.Equal(1, catalogue.SchemaVersion);
        var set = Assert.Single(catalogue.Sets);
        Assert.Equal(("test-set", "Test requirements", "Test publisher", "test.txt", "Made for the tests."), (set.Id, set.Title, set.Publisher, set.Source, set.Note));
        Assert.Equal(["T-1", "T-2"], set.Requirements.Select(r => r.Key.Code));

        var first = catalogue.Find(new RequirementKey("test-set", "T-1"))!;
        Assert.Equal(1, first.SeedId);
        Assert.Equal("generic", first.Section);
        Assert.Equal("General", first.SeedHeading);
        Assert.Equal("Charge points report their status within a minute.", first.Summary);
        Assert.Equal(["AC", "public"], first.AppliesTo);
        Assert.Equal(["OCPI 2.2.1"], first.Standards);
        Assert.Equal(["Locations"], first.Modules);
        Assert.Equal(VerificationKind.OcpiData, first.Verification);
        Assert.Equal("Compare status timestamps.", first.VerificationHow);
        Assert.Equal(["T-2"], first.Related);
        Assert.Equal("Read with T-2.", first.Note);
        var threshold = Assert.Single(first.Thresholds);
        Assert.Equal("status_latency", threshold.Metric);
        Assert.Equal(new Dictionary<string, decimal> { ["max_seconds"] = 60m }, threshold.Limits);
        // Strings stay, booleans become "true"/"false", lists are joined with ", ".
        Assert.Equal(new Dictionary<string, string> { ["period"] = "always", ["regardless"] = "true", ["at"] = "start, stop" }, threshold.Qualifiers);

        var second = catalogue.Find(new RequirementKey("test-set", "T-2"))!;
        Assert.Equal(13.8m, Assert.Single(second.Thresholds).Limits["max_kw"]);
        Assert.Empty(second.Related);
        Assert.Null(second.Note);
        Assert.Equal(VerificationKind.FieldAudit, second.Verification);
    }

    [Fact]
    public void ShippedCatalogue_HasBothSetsAndTheCountsOfItsReadme()
    {
        var catalogue = RequirementCatalogueJson.Seed();

        Assert.Equal(["elaad-2025", "scr-por-2016"], catalogue.Sets.Select(s => s.Id));
        Assert.Equal([23, 48], catalogue.Sets.Select(s => s.Requirements.Count));
        Assert.Equal(71, catalogue.Requirements.Count());
        var perKind = catalogue.Requirements.GroupBy(r => r.Verification).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(7, perKind[VerificationKind.OcpiData]);
        Assert.Equal(16, perKind[VerificationKind.Certificate]);
        Assert.Equal(27, perKind[VerificationKind.FieldAudit]);
        Assert.Equal(21, perKind[VerificationKind.Declaration]);
        Assert.Equal("ElaadNL", catalogue.Sets[0].Publisher);
        Assert.Null(catalogue.Sets[1].Publisher);

        var updates = catalogue.Find(new RequirementKey("elaad-2025", "G-3"))!.Thresholds;
        Assert.Equal(18m, updates.Single(t => t.Metric == "major_version_update").Limits["max_months"]);
        Assert.Equal(6m, updates.Single(t => t.Metric == "minor_version_update").Limits["max_months"]);
        var components = catalogue.Find(new RequirementKey("scr-por-2016", "POR-4"))!.Thresholds.Single();
        Assert.Equal("RCD, overcurrent protection, relay, kWh meter, plug lock, RFID reader", components.Qualifiers["components"]);
        Assert.Equal(6m, components.Limits["min_count"]);
    }

    [Fact]
    public void ShippedCatalogue_IsTheFileBesideItsReadme()
    {
        var onDisk = File.ReadAllText(RepositoryFiles.Path("src", "Integration", "Requirements", "catalogue.json"));

        Assert.Equal(onDisk, RequirementCatalogueJson.SeedText());
    }

    [Fact]
    public void NotJson_IsOneProblemNamingTheLine_NotTheParsersEnglish()
    {
        // A comma after the last member: the parser stops at the closing brace on line 4.
        var problem = Assert.Single(Refused("{\n  \"schema_version\": 1,\n  \"sets\": [],\n}"));

        Assert.Equal(CatalogueProblemKind.NotJson, problem.Kind);
        Assert.Equal("4", problem.Value);
        Assert.Equal("The file is not valid JSON (line 4).", problem.Message);
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("0", "0")]
    public void OtherSchemaVersion_IsRefusedBeforeAnythingElse(string version, string reported)
    {
        var problem = Assert.Single(Refused(Small.Replace("\"schema_version\": 1", $"\"schema_version\": {version}", StringComparison.Ordinal)));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.UnsupportedSchemaVersion, null, null, "schema_version", reported), problem);
        Assert.Equal($"'schema_version' is {reported}; this portal reads schema version 1.", problem.Message);
    }

    [Fact]
    public void MissingSchemaVersion_IsNamed()
    {
        var problem = Assert.Single(Refused(Edit(c => c.Remove("schema_version"))));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.Missing, null, null, "schema_version", null), problem);
    }

    [Fact]
    public void SectionOutsideTheVocabulary_NamesSetCodeAndField()
    {
        var problem = Assert.Single(Refused(Edit(c => Requirement(c, 1)["section"] = "software")));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.NotInVocabulary, "test-set", "T-2", "section", "software"), problem);
        Assert.Equal("set 'test-set', requirement 'T-2', 'section': 'software' is not in the file's vocabulary.", problem.Message);
    }

    [Fact]
    public void AppliesToOutsideTheVocabulary_NamesThePlaceInTheList()
    {
        var problem = Assert.Single(Refused(Edit(c => Requirement(c, 0)["applies_to"] = new JsonArray("AC", "bidirectional"))));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.NotInVocabulary, "test-set", "T-1", "applies_to[1]", "bidirectional"), problem);
    }

    [Fact]
    public void VerificationKindOutsideTheVocabulary_IsRefused()
    {
        var problem = Assert.Single(Refused(Edit(c => Requirement(c, 0)["verification"]!["kind"] = "hearsay")));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.NotInVocabulary, "test-set", "T-1", "verification.kind", "hearsay"), problem);
    }

    [Fact]
    public void VocabularyWithAKindThePortalCannotCheck_IsRefused()
    {
        var problem = Assert.Single(Refused(Edit(c => c["vocabularies"]!["verification_kind"]!.AsArray().Add("hearsay"))));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.UnknownVerificationKind, null, null, "vocabularies.verification_kind", "hearsay"), problem);
    }

    [Fact]
    public void CodeUsedTwiceInASet_IsRefused()
    {
        var problems = Refused(Edit(c => Requirement(c, 1)["code"] = "T-1"));

        // T-1 refers to T-2, which is gone now.
        Assert.Equal(
            [
                new CatalogueProblem(CatalogueProblemKind.DuplicateCode, "test-set", "T-1", "code", "T-1"),
                new CatalogueProblem(CatalogueProblemKind.UnknownRelated, "test-set", "T-1", "related[0]", "T-2"),
            ],
            problems);
    }

    [Fact]
    public void SameCodeInTwoSets_IsAllowed()
    {
        var catalogue = RequirementCatalogueJson.Parse(Edit(c =>
        {
            var other = c["sets"]![0]!.DeepClone();
            other["id"] = "other-set";
            c["sets"]!.AsArray().Add(other);
        }));

        Assert.Equal(4, catalogue.Requirements.Count());
        Assert.NotNull(catalogue.Find(new RequirementKey("other-set", "T-1")));
    }

    [Fact]
    public void SetIdUsedTwice_IsRefused()
    {
        var problem = Assert.Single(Refused(Edit(c => c["sets"]!.AsArray().Add(c["sets"]![0]!.DeepClone()))));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.DuplicateSetId, "test-set", null, "id", "test-set"), problem);
    }

    [Fact]
    public void RelatedCodeNotInTheSet_IsRefused()
    {
        var problem = Assert.Single(Refused(Edit(c => Requirement(c, 0)["related"] = new JsonArray("T-2", "T-9"))));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.UnknownRelated, "test-set", "T-1", "related[1]", "T-9"), problem);
    }

    [Fact]
    public void ThresholdWithAnObjectOrNull_NamesTheField()
    {
        var problems = Refused(Edit(c =>
        {
            var threshold = Requirement(c, 1)["thresholds"]![0]!;
            threshold["phases"] = new JsonObject { ["count"] = 3 };
            threshold["voltage"] = null;
            threshold["modes"] = new JsonArray("AC", 3);
        }));

        Assert.Equal(
            ["thresholds[0].phases", "thresholds[0].voltage", "thresholds[0].modes"],
            problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal((CatalogueProblemKind.WrongType, "test-set", "T-2"), (p.Kind, p.SetId, p.Code)));
    }

    [Fact]
    public void ThresholdWithoutMetric_IsRefused()
    {
        var problem = Assert.Single(Refused(Edit(c => Requirement(c, 1)["thresholds"]![0]!.AsObject().Remove("metric"))));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.Missing, "test-set", "T-2", "thresholds[0].metric", null), problem);
    }

    [Fact]
    public void MissingAndWronglyTypedFields_AreAllReportedAtOnce()
    {
        var problems = Refused(Edit(c =>
        {
            Requirement(c, 0).Remove("summary");
            Requirement(c, 0)["seed_id"] = "one";
            Requirement(c, 1)["standards"] = "OCPP 1.6";
            Requirement(c, 1)["verification"]!.AsObject().Remove("how");
            c["sets"]![0]!["title"] = " ";
        }));

        Assert.Equal(
            [
                new CatalogueProblem(CatalogueProblemKind.Missing, "test-set", null, "title", null),
                new CatalogueProblem(CatalogueProblemKind.WrongType, "test-set", "T-1", "seed_id", "a whole number of zero or more"),
                new CatalogueProblem(CatalogueProblemKind.Missing, "test-set", "T-1", "summary", null),
                new CatalogueProblem(CatalogueProblemKind.WrongType, "test-set", "T-2", "standards", "a list"),
                new CatalogueProblem(CatalogueProblemKind.Missing, "test-set", "T-2", "verification.how", null),
            ],
            problems);
    }

    [Fact]
    public void MisspelledField_IsRefusedRatherThanIgnored()
    {
        var problem = Assert.Single(Refused(Edit(c => Requirement(c, 1)["nots"] = "A note in the wrong field.")));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.UnknownField, "test-set", "T-2", "nots", null), problem);
    }

    [Fact]
    public void RequirementWithoutCode_IsNamedByItsPlace()
    {
        var problem = Assert.Single(Refused(Edit(c => Requirement(c, 1).Remove("code"))));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.Missing, "test-set", null, "requirements[1].code", null), problem);
    }

    [Fact]
    public void SetWithoutRequirements_IsRefused()
    {
        var problem = Assert.Single(Refused(Edit(c => c["sets"]![0]!["requirements"] = new JsonArray())));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.Missing, "test-set", null, "requirements", null), problem);
    }

    [Fact]
    public void FileWithoutVocabularies_IsOneProblemNotOnePerRequirement()
    {
        var problem = Assert.Single(Refused(Edit(c => c.Remove("vocabularies"))));

        Assert.Equal(new CatalogueProblem(CatalogueProblemKind.Missing, null, null, "vocabularies", null), problem);
    }

    [Fact]
    public void TopLevelArray_IsRefused()
    {
        var problem = Assert.Single(Refused("[]"));

        Assert.Equal(CatalogueProblemKind.WrongType, problem.Kind);
    }

    private static IReadOnlyList<CatalogueProblem> Refused(string json) =>
        Assert.Throws<RequirementCatalogueRejected>(() => RequirementCatalogueJson.Parse(json)).Problems;

    private static string Edit(Action<JsonObject> edit)
    {
        var catalogue = JsonNode.Parse(Small)!.AsObject();
        edit(catalogue);
        return catalogue.ToJsonString();
    }

    private static JsonObject Requirement(JsonObject catalogue, int index) =>
        catalogue["sets"]![0]!["requirements"]![index]!.AsObject();
}
