using Portal.Domain.Common;
using Portal.Domain.Requirements;

namespace Portal.Domain.Contracts;

/// <summary>
/// One version of a contract: its period, extension options, the points promised, its terms, penalties and attached
/// requirements. A draft is edited through its <see cref="Contract"/>; signing freezes it. An amendment is a new
/// version with its own start date, and audits use the version in force on each day.
/// </summary>
public sealed class ContractVersion
{
    public const int MaxExtensionTextLength = 500, MaxSignerLength = 200;

    private readonly List<AttachedRequirement> _requirements = [];
    private readonly List<ContractPenalty> _penalties = [];

    private ContractVersion() { }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }

    /// <summary>1 for the contract as first signed, 2 for the first amendment, and so on.</summary>
    public int Number { get; private set; }
    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day the version runs (inclusive), before any extension is used.</summary>
    public DateOnly EndsOn { get; private set; }
    public ExtensionOption Extension { get; private set; } = ExtensionOption.None;
    public int? PointsPromised { get; private set; }
    public DateOnly? PointsPromisedBy { get; private set; }
    public ContractTerms Terms { get; private set; } = new();

    public DateOnly? SignedOn { get; private set; }
    public string? SignedBy { get; private set; }
    public string? SignedByUserId { get; private set; }
    public DateTime? SignedAtUtc { get; private set; }

    public IReadOnlyList<AttachedRequirement> Requirements => _requirements;
    public IReadOnlyList<ContractPenalty> Penalties => _penalties;

    public bool IsSigned => SignedAtUtc is not null;

    public bool IsInForceOn(DateOnly day) => IsSigned && StartsOn <= day && day <= EndsOn;

    internal static ContractVersion Draft(Guid contractId, int number, ContractPeriod period, ContractTerms terms)
    {
        var version = new ContractVersion { Id = Guid.NewGuid(), ContractId = contractId, Number = number, Terms = terms.Checked() };
        version.Apply(period);
        return version;
    }

    /// <summary>A new draft that starts as a copy of this (signed) version: its terms, penalties and requirements.</summary>
    internal ContractVersion DraftAmendment(int number, DateOnly startsOn)
    {
        var amendment = Draft(ContractId, number, new ContractPeriod(startsOn, EndsOn, Extension, PointsPromised, PointsPromisedBy), Terms);
        amendment._requirements.AddRange(_requirements.Select(r => r.CopyTo(amendment.Id)));
        amendment._penalties.AddRange(_penalties.Select(p => p.CopyTo(amendment.Id)));
        return amendment;
    }

    internal void Apply(ContractPeriod period)
    {
        RequireDraft();
        if (period.EndsOn <= period.StartsOn)
            throw new DomainRuleViolated(DomainRule.ContractEndNotAfterStart, "A contract version ends after it starts.");
        period.Extension.Check(period.EndsOn);
        if (period.PointsPromised is < 0 or > 100_000)
            throw new DomainRuleViolated(DomainRule.ContractTermOutOfRange, "The number of points promised is between 0 and 100,000.", ContractTerm.PointsPromised);
        if (period.PointsPromisedBy is not null && period.PointsPromised is null)
            throw new DomainRuleViolated(DomainRule.ContractTermOutOfRange, "A date for the promised points needs their number.", ContractTerm.PointsPromised);
        StartsOn = period.StartsOn;
        EndsOn = period.EndsOn;
        Extension = period.Extension;
        PointsPromised = period.PointsPromised;
        PointsPromisedBy = period.PointsPromisedBy;
    }

    internal void SetTerms(ContractTerms terms)
    {
        RequireDraft();
        Terms = terms.Checked();
    }

    internal void AddPenalty(ContractTerm term, decimal? amountEuro, string? rule)
    {
        RequireDraft();
        _penalties.Add(ContractPenalty.Create(Id, term, amountEuro, rule));
    }

    internal ContractPenalty RemovePenalty(long penaltyId)
    {
        RequireDraft();
        var penalty = _penalties.SingleOrDefault(p => p.Id == penaltyId)
            ?? throw new DomainRuleViolated("Not a penalty of this version.");
        _penalties.Remove(penalty);
        return penalty;
    }

    internal bool Has(RequirementKey key) => _requirements.Any(r => r.Key == key);

    internal void Attach(Requirement requirement)
    {
        RequireDraft();
        if (Has(requirement.Key))
            throw new DomainRuleViolated(DomainRule.RequirementAlreadyAttached, $"{requirement.Key} is already attached.", requirement.Key.ToString());
        _requirements.Add(AttachedRequirement.From(Id, requirement));
    }

    internal void Detach(RequirementKey key)
    {
        RequireDraft();
        if (_requirements.RemoveAll(r => r.Key == key) == 0)
            throw new DomainRuleViolated(DomainRule.RequirementNotAttached, $"{key} is not attached.", key.ToString());
    }

    internal decimal Tighten(RequirementKey key, string metric, string limit, decimal value)
    {
        RequireDraft();
        var attached = _requirements.SingleOrDefault(r => r.Key == key)
            ?? throw new DomainRuleViolated(DomainRule.RequirementNotAttached, $"{key} is not attached.", key.ToString());
        return attached.Tighten(metric, limit, value);
    }

    internal void Sign(DateOnly signedOn, string? signedBy, ContractActor actor, DateTime nowUtc)
    {
        RequireDraft();
        var signer = signedBy?.Trim() ?? "";
        if (signer.Length == 0)
            throw new DomainRuleViolated(DomainRule.ContractSignerMissing, "Record who signed the contract.");
        if (signer.Length > MaxSignerLength)
            throw new DomainRuleViolated(DomainRule.ContractTextTooLong, $"A text has at most {MaxSignerLength} characters.", MaxSignerLength);
        if (signedOn > DutchCalendar.Day(nowUtc))
            throw new DomainRuleViolated(DomainRule.DateInFuture, "A signature that has not been set cannot be recorded.", signedOn);
        SignedOn = signedOn;
        SignedBy = signer;
        SignedByUserId = actor.UserId;
        SignedAtUtc = nowUtc;
    }

    private void RequireDraft()
    {
        if (IsSigned)
            throw new DomainRuleViolated(DomainRule.ContractVersionSigned, $"Version {Number} is signed and cannot change; amend the contract with a new version.", Number);
    }
}

/// <summary>What an officer types for a version's period: start, end, extension options and the points promised.</summary>
public sealed record ContractPeriod(DateOnly StartsOn, DateOnly EndsOn, ExtensionOption Extension, int? PointsPromised, DateOnly? PointsPromisedBy);

/// <summary>
/// How a contract may be extended: a number of extensions of some years each ("2 × 2 years"), or words with the
/// last day it can run to ("once, by mutual agreement, until 2035-12-31"), or not at all.
/// </summary>
public sealed record ExtensionOption
{
    public static readonly ExtensionOption None = new();

    public int? Count { get; init; }
    public int? YearsEach { get; init; }
    public string? Text { get; init; }
    public DateOnly? Until { get; init; }

    public bool Any => Count is not null || Text is not null;

    /// <summary>The last day the contract can run with every extension used (null when the option does not say).</summary>
    public DateOnly? LastPossibleDay(DateOnly endsOn) =>
        Until ?? (Count is { } count && YearsEach is { } years ? endsOn.AddYears(count * years) : null);

    internal void Check(DateOnly endsOn)
    {
        if ((Count is null) != (YearsEach is null) || Count is < 1 or > 10 || YearsEach is < 1 or > 25)
            throw new DomainRuleViolated(DomainRule.ContractExtensionInvalid, "An extension option is a count of 1 to 10 times 1 to 25 years, or words with a last day.");
        if (Text is { Length: > ContractVersion.MaxExtensionTextLength })
            throw new DomainRuleViolated(DomainRule.ContractTextTooLong, $"A text has at most {ContractVersion.MaxExtensionTextLength} characters.", ContractVersion.MaxExtensionTextLength);
        if (Until is { } until && until <= endsOn)
            throw new DomainRuleViolated(DomainRule.ContractExtensionInvalid, "An extension runs to a day after the contract's end.");
        if (Text is not null && Until is null && Count is null)
            throw new DomainRuleViolated(DomainRule.ContractExtensionInvalid, "An extension in words needs the last day it can run to.");
    }
}
