namespace Portal.Integration.Requirements;

/// <summary>A catalogue file that cannot be loaded, with every problem found in it; nothing of it was loaded.</summary>
public sealed class RequirementCatalogueRejected(IReadOnlyList<CatalogueProblem> problems)
    : Exception("The requirement catalogue file is not valid: " + string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<CatalogueProblem> Problems { get; } = problems;
}
