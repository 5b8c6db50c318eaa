using Portal.Domain.Common;

namespace Portal.Domain.Municipalities;

/// <summary>
/// A municipality's own policy settings (one per municipality) with the history of every change.
/// A municipality without one works with <see cref="PolicySettings.Defaults"/>.
/// </summary>
public sealed class MunicipalityPolicy
{
    private MunicipalityPolicy() { }

    public Guid MunicipalityId { get; private set; }
    public PolicySettings Settings { get; private set; } = default!;
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The first policy of a municipality; the history records how it differs from what applied before (the defaults).</summary>
    public static (MunicipalityPolicy Policy, MunicipalityPolicyChange Change) Create(Guid municipalityId, PolicySettings defaults, PolicySettings settings, PolicyActor actor, DateTime nowUtc)
    {
        var policy = new MunicipalityPolicy { MunicipalityId = municipalityId, Settings = defaults, UpdatedAtUtc = nowUtc };
        var change = policy.Change(settings, actor, nowUtc) ?? MunicipalityPolicyChange.Record(municipalityId, actor, nowUtc, []);
        return (policy, change);
    }

    /// <summary>Replaces the settings; null when nothing differs. Throws with the first broken rule, so callers check <see cref="PolicySettings.Problems"/> first.</summary>
    public MunicipalityPolicyChange? Change(PolicySettings settings, PolicyActor actor, DateTime nowUtc)
    {
        var normalised = settings.Normalised();
        if (normalised.Problems() is [var first, ..])
            throw new DomainRuleViolated(DomainRule.PolicySettingsInvalid, first.Message);
        var changes = PolicySettings.Differences(Settings, normalised);
        if (changes.Count == 0)
            return null;
        Settings = normalised;
        UpdatedAtUtc = nowUtc;
        return MunicipalityPolicyChange.Record(MunicipalityId, actor, nowUtc, changes);
    }
}

/// <summary>Who changed a policy: the account id (null for the system, e.g. the demo) and the name shown in the history.</summary>
public sealed record PolicyActor(string? UserId, string Name)
{
    public static PolicyActor System { get; } = new(null, "Systeem");
}

/// <summary>One entry in a policy's history: who changed what, when. Append-only.</summary>
public sealed class MunicipalityPolicyChange
{
    private MunicipalityPolicyChange() { }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public DateTime ChangedAtUtc { get; private set; }
    public string? ChangedByUserId { get; private set; }
    public string ChangedByName { get; private set; } = "";
    public IReadOnlyList<PolicyFieldChange> Changes { get; private set; } = [];

    internal static MunicipalityPolicyChange Record(Guid municipalityId, PolicyActor actor, DateTime nowUtc, IReadOnlyList<PolicyFieldChange> changes) => new()
    {
        Id = Guid.NewGuid(),
        MunicipalityId = municipalityId,
        ChangedAtUtc = nowUtc,
        ChangedByUserId = actor.UserId,
        ChangedByName = actor.Name,
        Changes = changes,
    };
}
