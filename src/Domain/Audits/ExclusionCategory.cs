namespace Portal.Domain.Audits;

/// <summary>
/// Why a CPO asks for down time not to count against its availability (uptime metric v1, section 5). An exclusion is
/// never automatic: it is claimed, evidenced and approved; the caps of each category are applied by the metric.
/// Stored by name.
/// </summary>
public enum ExclusionCategory
{
    /// <summary>E1: the grid operator's supply was interrupted (evidence: the DSO's outage reference); excluded until supply is restored plus 30 minutes to reboot.</summary>
    GridSupplyInterruption,

    /// <summary>E2: vandalism, a collision or cable theft (evidence: incident or police number and photos); at most 10 calendar days per incident.</summary>
    ThirdPartyDamage,

    /// <summary>E3: force majeure, a natural disaster or a declared emergency (evidence: the public declaration); for as long as the declaration.</summary>
    ForceMajeure,

    /// <summary>E4: works or events ordered by an authority or the municipality (evidence: the municipal ticket); as ordered.</summary>
    AuthorityOrderedWorks,

    /// <summary>E5: planned maintenance announced in an OCPI status_schedule at least 5 working days ahead; at most 8 hours per event and 72 hours per charge point per year.</summary>
    PlannedMaintenance,
}

/// <summary>The codes the metric and the contracts use for <see cref="ExclusionCategory"/>.</summary>
public static class ExclusionCategoryCodes
{
    public static string Code(this ExclusionCategory category) => category switch
    {
        ExclusionCategory.GridSupplyInterruption => "E1",
        ExclusionCategory.ThirdPartyDamage => "E2",
        ExclusionCategory.ForceMajeure => "E3",
        ExclusionCategory.AuthorityOrderedWorks => "E4",
        ExclusionCategory.PlannedMaintenance => "E5",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}
