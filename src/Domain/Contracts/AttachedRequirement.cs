using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Requirements;

namespace Portal.Domain.Contracts;

/// <summary>
/// A catalogue requirement attached to a contract version, with how it is verified and its numeric thresholds as
/// the catalogue gave them when attached. An officer may tighten a threshold, never loosen it.
/// </summary>
public sealed class AttachedRequirement
{
    private readonly List<AttachedThreshold> _thresholds = [];

    private AttachedRequirement() { }

    public long Id { get; private set; }
    public Guid ContractVersionId { get; private set; }
    public string SetId { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Section { get; private set; } = "";
    public VerificationKind Verification { get; private set; }
    public IReadOnlyList<AttachedThreshold> Thresholds => _thresholds;

    public RequirementKey Key => new(SetId, Code);

    internal static AttachedRequirement From(Guid versionId, Requirement requirement)
    {
        var attached = new AttachedRequirement
        {
            ContractVersionId = versionId,
            SetId = requirement.Key.SetId,
            Code = requirement.Key.Code,
            Section = requirement.Section,
            Verification = requirement.Verification,
        };
        foreach (var threshold in requirement.Thresholds)
        {
            foreach (var (limit, value) in threshold.Limits)
                attached._thresholds.Add(new AttachedThreshold(threshold.Metric, limit, value, value));
        }
        return attached;
    }

    internal AttachedRequirement CopyTo(Guid versionId)
    {
        var copy = new AttachedRequirement { ContractVersionId = versionId, SetId = SetId, Code = Code, Section = Section, Verification = Verification };
        copy._thresholds.AddRange(_thresholds.Select(t => new AttachedThreshold(t.Metric, t.Limit, t.CatalogueValue, t.Value)));
        return copy;
    }

    /// <summary>
    /// Sets a threshold stricter than (or back to) the catalogue's: a "min_*" limit only up, a "max_*" limit only down.
    /// Returns the value it had. A loosening, or a limit that has no direction (a count, a level), is refused.
    /// </summary>
    internal decimal Tighten(string metric, string limit, decimal value)
    {
        var threshold = _thresholds.Find(t => t.Metric == metric && t.Limit == limit);
        if (threshold is null)
            throw new DomainRuleViolated(DomainRule.ThresholdNotInRequirement, $"{Key} has no threshold {metric} {limit}.", Key.ToString(), metric, limit);
        if (threshold.Direction is ThresholdDirection.None)
            throw new DomainRuleViolated(DomainRule.ThresholdHasNoDirection, $"{metric} {limit} is neither a minimum nor a maximum and cannot be tightened.", metric, limit);
        if (!threshold.AllowsAsTighter(value))
        {
            var catalogue = threshold.CatalogueValue.ToString(CultureInfo.InvariantCulture);
            throw new DomainRuleViolated(DomainRule.ThresholdLoosened,
                threshold.Direction is ThresholdDirection.Minimum
                    ? $"{metric} {limit} may only be raised: the catalogue asks at least {catalogue}."
                    : $"{metric} {limit} may only be lowered: the catalogue allows at most {catalogue}.",
                metric, limit, threshold.CatalogueValue, threshold.Direction);
        }
        var before = threshold.Value;
        threshold.Set(value);
        return before;
    }
}

/// <summary>One numeric limit of an attached requirement: the catalogue's value and the value the contract holds the CPO to.</summary>
public sealed class AttachedThreshold
{
    private AttachedThreshold() { }

    public AttachedThreshold(string metric, string limit, decimal catalogueValue, decimal value)
    {
        Metric = metric;
        Limit = limit;
        CatalogueValue = catalogueValue;
        Value = value;
    }

    public string Metric { get; private set; } = "";
    public string Limit { get; private set; } = "";
    public decimal CatalogueValue { get; private set; }
    public decimal Value { get; private set; }

    internal void Set(decimal value) => Value = value;

    /// <summary>"min_percent" is a minimum, "max_kw" a maximum; "count" or "value_ma" has no direction.</summary>
    public ThresholdDirection Direction =>
        Limit.StartsWith("min_", StringComparison.Ordinal) ? ThresholdDirection.Minimum
        : Limit.StartsWith("max_", StringComparison.Ordinal) ? ThresholdDirection.Maximum
        : ThresholdDirection.None;

    public bool IsTightened => Value != CatalogueValue;

    /// <summary>The unit, from the limit's name: "min_percent" → "percent".</summary>
    public string Unit => Direction is ThresholdDirection.None ? Limit : Limit[4..];

    internal bool AllowsAsTighter(decimal value) => Direction switch
    {
        ThresholdDirection.Minimum => value >= CatalogueValue,
        ThresholdDirection.Maximum => value <= CatalogueValue && value >= 0,
        _ => false,
    };

    /// <summary>Whether a measured value meets this threshold (a limit with no direction is met by its own value).</summary>
    public bool IsMetBy(decimal measured) => Direction switch
    {
        ThresholdDirection.Minimum => measured >= Value,
        ThresholdDirection.Maximum => measured <= Value,
        _ => measured == Value,
    };
}

public enum ThresholdDirection
{
    None,
    Minimum,
    Maximum,
}
