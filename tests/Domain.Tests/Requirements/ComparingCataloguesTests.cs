using Portal.Domain.Requirements;
using static Portal.Domain.Tests.Requirements.CatalogueBuilder;

namespace Portal.Domain.Tests.Requirements;

public sealed class ComparingCataloguesTests
{
    [Fact]
    public void SameCatalogue_IsNoDifference()
    {
        var catalogue = Catalogue(Set("a", Requirement("a", "A-1"), Requirement("a", "A-2")));

        var difference = CatalogueDifference.Between(catalogue, catalogue);

        Assert.True(difference.IsEmpty);
    }

    [Fact]
    public void AddedRemovedAndChangedRequirements_AreTold_WithTheFieldsThatChanged()
    {
        // Before. After: A-1 unchanged, A-2 with a new summary and section, A-3 gone, A-4 new.
        var before = Catalogue(Set("a", Requirement("a", "A-1"), Requirement("a", "A-2"), Requirement("a", "A-3")));
        var after = Catalogue(Set("a",
            Requirement("a", "A-1"),
            Requirement("a", "A-2", summary: "Another summary.", section: "hardware"),
            Requirement("a", "A-4")));

        var difference = CatalogueDifference.Between(before, after);

        Assert.Equal([new RequirementKey("a", "A-4")], difference.AddedRequirements.Select(r => r.Key));
        Assert.Equal([new RequirementKey("a", "A-3")], difference.RemovedRequirements.Select(r => r.Key));
        var change = Assert.Single(difference.ChangedRequirements);
        Assert.Equal(new RequirementKey("a", "A-2"), change.Key);
        Assert.Equal([RequirementField.Section, RequirementField.Summary], change.Fields);
        Assert.Equal("A summary.", change.Before.Summary);
        Assert.Equal("Another summary.", change.After.Summary);
        Assert.Empty(difference.AddedSets);
        Assert.Empty(difference.RemovedSets);
        Assert.False(difference.IsEmpty);
    }

    [Fact]
    public void AnAddedOrRemovedSet_CountsItsRequirementsAsAddedOrRemoved()
    {
        var before = Catalogue(Set("a", Requirement("a", "A-1")), Set("old", Requirement("old", "O-1"), Requirement("old", "O-2")));
        var after = Catalogue(Set("a", Requirement("a", "A-1")), Set("new", Requirement("new", "N-1")));

        var difference = CatalogueDifference.Between(before, after);

        Assert.Equal(["new"], difference.AddedSets.Select(s => s.Id));
        Assert.Equal(["old"], difference.RemovedSets.Select(s => s.Id));
        Assert.Equal(["new/N-1"], difference.AddedRequirements.Select(r => r.Key.ToString()));
        Assert.Equal(["old/O-1", "old/O-2"], difference.RemovedRequirements.Select(r => r.Key.ToString()));
        Assert.Empty(difference.ChangedRequirements);
    }

    [Fact]
    public void TheSameCodeInAnotherSet_IsAnotherRequirement()
    {
        var before = Catalogue(Set("a", Requirement("a", "X-1")));
        var after = Catalogue(Set("b", Requirement("b", "X-1")));

        var difference = CatalogueDifference.Between(before, after);

        Assert.Equal(["b/X-1"], difference.AddedRequirements.Select(r => r.Key.ToString()));
        Assert.Equal(["a/X-1"], difference.RemovedRequirements.Select(r => r.Key.ToString()));
    }

    [Fact]
    public void ReorderedListsAndThresholds_AreNoChange_ButAnotherLimitIs()
    {
        var before = Requirement("a", "A-1", appliesTo: ["AC", "DC"], standards: ["OCPP 2.0.1", "ISO 15118-20"],
            thresholds: [Threshold("major", ("max_months", 18m), ("from", "certification")), Threshold("minor", ("max_months", 6m))]);
        var reordered = Requirement("a", "A-1", appliesTo: ["DC", "AC"], standards: ["ISO 15118-20", "OCPP 2.0.1"],
            thresholds: [Threshold("minor", ("max_months", 6.0m)), Threshold("major", ("from", "certification"), ("max_months", 18m))]);
        var tightened = Requirement("a", "A-1", appliesTo: ["AC", "DC"], standards: ["OCPP 2.0.1", "ISO 15118-20"],
            thresholds: [Threshold("major", ("max_months", 12m), ("from", "certification")), Threshold("minor", ("max_months", 6m))]);

        Assert.Empty(CatalogueDifference.FieldsChanged(before, reordered));
        Assert.Equal([RequirementField.Thresholds], CatalogueDifference.FieldsChanged(before, tightened));
    }

    [Fact]
    public void EveryField_IsTold()
    {
        var before = Requirement("a", "A-1");
        var after = new Requirement(new RequirementKey("a", "A-1"), 2, "hardware", "Other heading", "Other summary.", ["DC"], ["OCPI 2.2.1"],
            ["Core"], [Threshold("x", ("max_kw", 11m))], VerificationKind.Certificate, "Other check.", ["A-1"], "A note.");

        Assert.Equal(Enum.GetValues<RequirementField>(), CatalogueDifference.FieldsChanged(before, after));
    }

    [Fact]
    public void AnEmptyNote_IsTheSameAsNoNote()
    {
        Assert.Empty(CatalogueDifference.FieldsChanged(Requirement("a", "A-1", note: null), Requirement("a", "A-1", note: "")));
        Assert.Equal([RequirementField.Note], CatalogueDifference.FieldsChanged(Requirement("a", "A-1", note: null), Requirement("a", "A-1", note: "Read with A-2.")));
    }
}
