namespace Portal.Domain.Requirements;

/// <summary>One requirement in both catalogues, with the fields that differ.</summary>
public sealed record RequirementChange(Requirement Before, Requirement After, IReadOnlyList<RequirementField> Fields)
{
    public RequirementKey Key => After.Key;
}

/// <summary>
/// What a newer catalogue changes compared with the one in force: sets added and removed, requirements added, removed
/// and changed (by key: set id and code). The requirements of an added or removed set count as added or removed too, so
/// <see cref="RemovedRequirements"/> is every key that contracts could still refer to and the new catalogue lacks.
/// </summary>
public sealed class CatalogueDifference
{
    private CatalogueDifference(
        IReadOnlyList<RequirementSet> addedSets, IReadOnlyList<RequirementSet> removedSets,
        IReadOnlyList<Requirement> added, IReadOnlyList<Requirement> removed, IReadOnlyList<RequirementChange> changed)
    {
        AddedSets = addedSets;
        RemovedSets = removedSets;
        AddedRequirements = added;
        RemovedRequirements = removed;
        ChangedRequirements = changed;
    }

    public IReadOnlyList<RequirementSet> AddedSets { get; }

    public IReadOnlyList<RequirementSet> RemovedSets { get; }

    public IReadOnlyList<Requirement> AddedRequirements { get; }

    public IReadOnlyList<Requirement> RemovedRequirements { get; }

    public IReadOnlyList<RequirementChange> ChangedRequirements { get; }

    public bool IsEmpty =>
        AddedSets.Count == 0 && RemovedSets.Count == 0 && AddedRequirements.Count == 0 && RemovedRequirements.Count == 0 && ChangedRequirements.Count == 0;

    /// <summary>
    /// Compares two catalogues. Lists whose order carries no meaning (applies-to, standards, modules, related codes,
    /// thresholds, and a threshold's limits and qualifiers) are compared as sets, so reordering a file is no change.
    /// Results follow the order of the catalogue they come from (added and changed: the new one; removed: the old one).
    /// </summary>
    public static CatalogueDifference Between(RequirementCatalogue before, RequirementCatalogue after)
    {
        var beforeSets = before.Sets.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var afterSets = after.Sets.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var added = after.Requirements.Where(r => before.Find(r.Key) is null).ToList();
        var removed = before.Requirements.Where(r => after.Find(r.Key) is null).ToList();
        var changed = new List<RequirementChange>();
        foreach (var requirement in after.Requirements)
        {
            if (before.Find(requirement.Key) is not { } old)
                continue;
            var fields = FieldsChanged(old, requirement);
            if (fields.Count > 0)
                changed.Add(new RequirementChange(old, requirement, fields));
        }

        return new CatalogueDifference(
            after.Sets.Where(s => !beforeSets.Contains(s.Id)).ToList(),
            before.Sets.Where(s => !afterSets.Contains(s.Id)).ToList(),
            added, removed, changed);
    }

    /// <summary>The fields in which two versions of one requirement differ, in the order of <see cref="RequirementField"/>.</summary>
    public static IReadOnlyList<RequirementField> FieldsChanged(Requirement before, Requirement after)
    {
        var fields = new List<RequirementField>();
        void Check(RequirementField field, bool same)
        {
            if (!same)
                fields.Add(field);
        }

        Check(RequirementField.SeedId, before.SeedId == after.SeedId);
        Check(RequirementField.Section, before.Section == after.Section);
        Check(RequirementField.SeedHeading, before.SeedHeading == after.SeedHeading);
        Check(RequirementField.Summary, before.Summary == after.Summary);
        Check(RequirementField.AppliesTo, SameSet(before.AppliesTo, after.AppliesTo));
        Check(RequirementField.Standards, SameSet(before.Standards, after.Standards));
        Check(RequirementField.Modules, SameSet(before.Modules, after.Modules));
        Check(RequirementField.Thresholds, SameSet(before.Thresholds.Select(Canonical), after.Thresholds.Select(Canonical)));
        Check(RequirementField.Verification, before.Verification == after.Verification);
        Check(RequirementField.VerificationHow, before.VerificationHow == after.VerificationHow);
        Check(RequirementField.Related, SameSet(before.Related, after.Related));
        Check(RequirementField.Note, (before.Note ?? "") == (after.Note ?? ""));
        return fields;
    }

    private static bool SameSet(IEnumerable<string> before, IEnumerable<string> after)
    {
        var a = before.Order(StringComparer.Ordinal).ToList();
        var b = after.Order(StringComparer.Ordinal).ToList();
        return a.SequenceEqual(b, StringComparer.Ordinal);
    }

    /// <summary>A threshold as one text, its fields in name order; 18 and 18.0 are the same limit.</summary>
    private static string Canonical(RequirementThreshold threshold) =>
        string.Join(
            "\u001f",
            new[] { threshold.Metric }
                .Concat(threshold.Limits.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value.ToString("G29", System.Globalization.CultureInfo.InvariantCulture)}"))
                .Concat(threshold.Qualifiers.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key}:{q.Value}")));
}
