namespace Portal.Integration.Ocpi.Validation;

/// <summary>
/// The stable codes of the flaws the portal finds in a CPO's objects (see <see cref="OcpiValidator"/> for
/// which check gives which code and severity). Stored with findings and refusals, and the key of their
/// texts ("Quality.Rule.{code}"), so never rename one.
/// </summary>
public static class OcpiRules
{
    // Unusable: the object is refused.
    public const string KeyInvalid = "key.invalid";
    public const string CoordinatesInvalid = "coordinates.invalid";
    public const string StatusUnknown = "status.unknown";
    public const string LastUpdatedMissing = "last-updated.missing";
    public const string FieldNeeded = "field.needed";
    public const string ObjectUnreadable = "object.unreadable";
    public const string OtherParty = "party.other";
    public const string OutsideMunicipalities = "location.outside";
    public const string RuleViolated = "rule.violated";

    // Deviations: stored, and recorded as a finding.
    public const string CoordinatesDecimals = "coordinates.decimals";
    public const string CoordinatesFormat = "coordinates.format";
    public const string EnumUnknown = "enum.unknown";
    public const string StringTooLong = "string.too-long";
    public const string StringCharacters = "string.characters";
    public const string RequiredMissing = "required.missing";
    public const string NumberOutOfRange = "number.out-of-range";
    public const string EvseWithoutConnectors = "evse.no-connectors";
    public const string FieldInconsistent = "field.inconsistent";
    public const string TimeFormat = "time.format";
    public const string ItemNull = "item.null";

    /// <summary>Every code, refusals first, in the order the admin page lists them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        KeyInvalid, CoordinatesInvalid, StatusUnknown, LastUpdatedMissing, FieldNeeded, ObjectUnreadable, OtherParty, OutsideMunicipalities, RuleViolated,
        CoordinatesDecimals, CoordinatesFormat, EnumUnknown, StringTooLong, StringCharacters, RequiredMissing, NumberOutOfRange,
        EvseWithoutConnectors, FieldInconsistent, TimeFormat, ItemNull,
    ];
}
