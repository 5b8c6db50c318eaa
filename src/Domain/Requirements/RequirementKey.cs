namespace Portal.Domain.Requirements;

/// <summary>A requirement's stable key: its set ("elaad-2025") and its code within that set ("SC-5").</summary>
public readonly record struct RequirementKey(string SetId, string Code)
{
    public override string ToString() => $"{SetId}/{Code}";
}
