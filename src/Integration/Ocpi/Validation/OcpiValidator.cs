using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Integration.Ocpi.Contracts;
using static Portal.Integration.Ocpi.Validation.OcpiRules;

namespace Portal.Integration.Ocpi.Validation;

/// <summary>
/// Checks one OCPI 2.2.1 Location, EVSE or Connector against the spec's cardinalities, enum lists,
/// lengths and formats, and says of each flaw whether it makes the object unusable (refused: OCPI 2001 for
/// a push, skipped in a pull) or is a deviation whose meaning is clear (stored, recorded as a data-quality
/// finding; refused too on a strict connection). Maximum lengths are the errata's where those are wider
/// (address 255, state 45), as the spec's advice is to be lenient on lengths. Values the register keeps are
/// clipped to its columns by the mapping.
/// <code>
/// rule                   severity   when
/// key.invalid            unusable   country_code, party_id, id, EVSE uid or connector id missing, too long, of the wrong length or not printable ASCII
/// coordinates.invalid    unusable   the location's coordinates missing, not a number, or out of range (deviation on an EVSE's or a related location's)
/// status.unknown         unusable   an EVSE status missing or not an OCPI value (case counts)
/// last-updated.missing   unusable   last_updated missing on the location, an EVSE or a connector
/// field.needed           unusable   address, city or a connector's standard missing; null in evses or connectors
/// object.unreadable      unusable   the JSON does not fit the contract (from reading, not from this class)
/// coordinates.decimals   deviation  a readable coordinate with fewer than 5 or more than 7 decimals
/// coordinates.format     deviation  a readable coordinate in another form than the spec's (sign, leading zeros)
/// enum.unknown           deviation  a value not in the OCPI list: parking_type, facilities, capabilities, parking_restrictions,
///                                   connector standard, format and power_type, image category, energy sources, token type, status_schedule
/// string.too-long        deviation  a string longer than the spec allows (ids excepted: key.invalid)
/// string.characters      deviation  control characters in a text, or non-ASCII in a CiString that is not a key
/// required.missing       deviation  a required field the portal can do without (publish, country, time_zone, format, power_type, voltage, …)
/// number.out-of-range    deviation  voltage or amperage not above 0, weekday, percentage, image size
/// evse.no-connectors     deviation  an EVSE without connectors
/// field.inconsistent     deviation  fields that contradict each other (publish_allowed_to with publish, opening hours, tokens)
/// time.format            deviation  an opening time not "HH:MM"
/// item.null              deviation  null in an optional list
/// </code>
/// </summary>
public static partial class OcpiValidator
{
    /// <summary>The findings in a Location, each with its severity; <see cref="OcpiValidation.Valid"/> for a valid one (no allocation).</summary>
    public static OcpiValidation CheckLocation(Location location) => Validate(location, static (c, l) => Location(c, l));

    public static OcpiValidation CheckEvse(Evse evse) => Validate(evse, static (c, e) => Evse(c, "", e));

    public static OcpiValidation CheckConnector(Connector connector) => Validate(connector, static (c, k) => Connector(c, "", k));

    /// <summary>Every flaw, whatever its severity (what a strict connection refuses); empty when valid.</summary>
    public static IReadOnlyList<OcpiProblem> ValidateLocation(Location location) => Problems(CheckLocation(location));

    public static IReadOnlyList<OcpiProblem> ValidateEvse(Evse evse) => Problems(CheckEvse(evse));

    public static IReadOnlyList<OcpiProblem> ValidateConnector(Connector connector) => Problems(CheckConnector(connector));

    private static IReadOnlyList<OcpiProblem> Problems(OcpiValidation validation) =>
        validation.IsValid ? [] : validation.Findings.Select(f => f.ToProblem()).ToList();

    /// <summary>
    /// A first pass only notes whether anything is wrong, building no paths and no messages, so a valid
    /// object (the common case) costs no allocation; only a flawed one is checked again to name its findings.
    /// </summary>
    private static OcpiValidation Validate<T>(T value, Action<Check, T> validate)
    {
        var quick = Check.Silent;
        quick.Failed = false;
        validate(quick, value);
        if (!quick.Failed)
            return OcpiValidation.Valid;
        var check = new Check(reporting: true);
        validate(check, value);
        return new OcpiValidation(check.Findings);
    }

    private static void Location(Check check, Location l)
    {
        check.Key("country_code", l.CountryCode, 2, exactly: true);
        check.Key("party_id", l.PartyId, 3, exactly: true);
        check.Key("id", l.Id, 36);
        check.Required("publish", l.Publish, RequiredMissing, OcpiSeverity.Deviation);
        if (l.Publish == true && l.PublishAllowedTo is { Count: > 0 })
            check.Add(FieldInconsistent, OcpiSeverity.Deviation, "publish_allowed_to", null, "is only allowed when publish is false");
        Each(check, "publish_allowed_to", l.PublishAllowedTo, PublishToken);
        check.Text("name", l.Name, 255, Need.Optional);
        check.Text("address", l.Address, 255, Need.Needed);
        check.Text("city", l.City, 45, Need.Needed);
        check.Text("postal_code", l.PostalCode, 10, Need.Optional);
        check.Text("state", l.State, 45, Need.Optional);
        check.Text("country", l.Country, 3, Need.Required);
        if (check.Required("coordinates", l.Coordinates, CoordinatesInvalid, OcpiSeverity.Unusable))
            Coordinates(check, "coordinates", l.Coordinates.Latitude, l.Coordinates.Longitude, OcpiSeverity.Unusable);
        Each(check, "related_locations", l.RelatedLocations, (c, p, r) =>
        {
            Coordinates(c, p, r.Latitude, r.Longitude, OcpiSeverity.Deviation);
            if (r.Name is not null)
                DisplayText(c, p + ".name", r.Name);
        });
        check.OneOf("parking_type", l.ParkingType, OcpiValues.ParkingType, nameof(OcpiValues.ParkingType), Need.Optional);
        Each(check, "evses", l.Evses, Evse, needed: true);
        Each(check, "directions", l.Directions, DisplayText);
        Business(check, "operator", l.Operator);
        Business(check, "suboperator", l.Suboperator);
        Business(check, "owner", l.Owner);
        Each(check, "facilities", l.Facilities, (c, p, f) => c.OneOf(p, f, OcpiValues.Facility, nameof(OcpiValues.Facility), Need.Required));
        check.Text("time_zone", l.TimeZone, 255, Need.Required);
        if (l.OpeningTimes is not null)
            Hours(check, "opening_times", l.OpeningTimes);
        Each(check, "images", l.Images, Image);
        if (l.EnergyMix is not null)
            EnergyMix(check, "energy_mix", l.EnergyMix);
        check.Required("last_updated", l.LastUpdated, LastUpdatedMissing, OcpiSeverity.Unusable);
    }

    private static void Evse(Check check, string path, Evse e)
    {
        check.Key(Join(path, "uid"), e.Uid, 36);
        check.CiString(Join(path, "evse_id"), e.EvseId, 48, Need.Optional);
        check.Status(Join(path, "status"), e.Status);
        Each(check, Join(path, "status_schedule"), e.StatusSchedule, (c, p, s) =>
        {
            c.Present(Join(p, "period_begin"), s.PeriodBegin);
            c.OneOf(Join(p, "status"), s.Status, OcpiValues.EvseStatus, "Status", Need.Required);
        });
        Each(check, Join(path, "capabilities"), e.Capabilities, (c, p, v) => c.OneOf(p, v, OcpiValues.Capability, nameof(OcpiValues.Capability), Need.Required));
        if (e.Connectors is not { Count: > 0 })
            check.Add(EvseWithoutConnectors, OcpiSeverity.Deviation, Join(path, "connectors"), null, "needs at least one connector");
        Each(check, Join(path, "connectors"), e.Connectors, Connector, needed: true);
        check.Text(Join(path, "floor_level"), e.FloorLevel, 4, Need.Optional);
        if (e.Coordinates is not null)
            Coordinates(check, Join(path, "coordinates"), e.Coordinates.Latitude, e.Coordinates.Longitude, OcpiSeverity.Deviation);
        check.Text(Join(path, "physical_reference"), e.PhysicalReference, 16, Need.Optional);
        Each(check, Join(path, "directions"), e.Directions, DisplayText);
        Each(check, Join(path, "parking_restrictions"), e.ParkingRestrictions,
            (c, p, v) => c.OneOf(p, v, OcpiValues.ParkingRestriction, nameof(OcpiValues.ParkingRestriction), Need.Required));
        Each(check, Join(path, "images"), e.Images, Image);
        check.Required(Join(path, "last_updated"), e.LastUpdated, LastUpdatedMissing, OcpiSeverity.Unusable);
    }

    private static void Connector(Check check, string path, Connector c)
    {
        check.Key(Join(path, "id"), c.Id, 36);
        check.OneOf(Join(path, "standard"), c.Standard, OcpiValues.ConnectorType, nameof(OcpiValues.ConnectorType), Need.Needed);
        check.OneOf(Join(path, "format"), c.Format, OcpiValues.ConnectorFormat, nameof(OcpiValues.ConnectorFormat), Need.Required);
        check.OneOf(Join(path, "power_type"), c.PowerType, OcpiValues.PowerType, nameof(OcpiValues.PowerType), Need.Required);
        check.Positive(Join(path, "max_voltage"), c.MaxVoltage, required: true);
        check.Positive(Join(path, "max_amperage"), c.MaxAmperage, required: true);
        check.Positive(Join(path, "max_electric_power"), c.MaxElectricPower, required: false);
        Each(check, Join(path, "tariff_ids"), c.TariffIds, (k, p, id) => k.CiString(p, id, 36, Need.Required));
        check.Text(Join(path, "terms_and_conditions"), c.TermsAndConditions, 255, Need.Optional);
        check.Required(Join(path, "last_updated"), c.LastUpdated, LastUpdatedMissing, OcpiSeverity.Unusable);
    }

    private static void Coordinates(Check check, string path, string? latitude, string? longitude, OcpiSeverity unreadable)
    {
        check.Coordinate(Join(path, "latitude"), latitude, Latitude(), 10, 90, unreadable);
        check.Coordinate(Join(path, "longitude"), longitude, Longitude(), 11, 180, unreadable);
    }

    private static void PublishToken(Check check, string path, PublishTokenType t)
    {
        if (t.Uid is null && t.VisualNumber is null && t.GroupId is null)
            check.Add(FieldInconsistent, OcpiSeverity.Deviation, path, null, "needs uid, visual_number or group_id");
        check.CiString(Join(path, "uid"), t.Uid, 36, Need.Optional);
        if (t.Uid is not null && t.Type is null)
            check.Add(FieldInconsistent, OcpiSeverity.Deviation, Join(path, "type"), null, "is required with uid");
        check.OneOf(Join(path, "type"), t.Type, OcpiValues.TokenType, nameof(OcpiValues.TokenType), Need.Optional);
        check.Text(Join(path, "visual_number"), t.VisualNumber, 64, Need.Optional);
        if (t.VisualNumber is not null && t.Issuer is null)
            check.Add(FieldInconsistent, OcpiSeverity.Deviation, Join(path, "issuer"), null, "is required with visual_number");
        check.Text(Join(path, "issuer"), t.Issuer, 64, Need.Optional);
        check.CiString(Join(path, "group_id"), t.GroupId, 36, Need.Optional);
    }

    private static void Business(Check check, string path, BusinessDetails? b)
    {
        if (b is null)
            return;
        check.Text(Join(path, "name"), b.Name, 100, Need.Required);
        check.Text(Join(path, "website"), b.Website, 255, Need.Optional);
        if (b.Logo is not null)
            Image(check, Join(path, "logo"), b.Logo);
    }

    private static void Image(Check check, string path, Image i)
    {
        check.Text(Join(path, "url"), i.Url, 255, Need.Required);
        check.Text(Join(path, "thumbnail"), i.Thumbnail, 255, Need.Optional);
        check.OneOf(Join(path, "category"), i.Category, OcpiValues.ImageCategory, nameof(OcpiValues.ImageCategory), Need.Required);
        check.CiString(Join(path, "type"), i.Type, 4, Need.Required);
        if (i.Width is < 0 or > 99999)
            check.Add(NumberOutOfRange, OcpiSeverity.Deviation, Join(path, "width"), Number(i.Width), "must be at most 5 digits");
        if (i.Height is < 0 or > 99999)
            check.Add(NumberOutOfRange, OcpiSeverity.Deviation, Join(path, "height"), Number(i.Height), "must be at most 5 digits");
    }

    private static void DisplayText(Check check, string path, DisplayText t)
    {
        check.Text(Join(path, "language"), t.Language, 2, Need.Required);
        check.Text(Join(path, "text"), t.Text, 512, Need.Required);
    }

    private static void Hours(Check check, string path, Hours h)
    {
        check.Required(Join(path, "twentyfourseven"), h.Twentyfourseven, RequiredMissing, OcpiSeverity.Deviation);
        if (h.Twentyfourseven == false && h.RegularHours is not { Count: > 0 })
            check.Add(FieldInconsistent, OcpiSeverity.Deviation, Join(path, "regular_hours"), null, "needs at least one entry when twentyfourseven is false");
        Each(check, Join(path, "regular_hours"), h.RegularHours, (c, p, r) =>
        {
            if (r.Weekday is < 1 or > 7)
                c.Add(NumberOutOfRange, OcpiSeverity.Deviation, Join(p, "weekday"), Number(r.Weekday), "must be 1 (Monday) to 7 (Sunday)");
            var begin = c.Time(Join(p, "period_begin"), r.PeriodBegin);
            var end = c.Time(Join(p, "period_end"), r.PeriodEnd);
            if (begin && end && string.CompareOrdinal(r.PeriodEnd, r.PeriodBegin) <= 0)
                c.Add(FieldInconsistent, OcpiSeverity.Deviation, Join(p, "period_end"), r.PeriodEnd, "must be later than period_begin");
        });
        Each(check, Join(path, "exceptional_openings"), h.ExceptionalOpenings, Period);
        Each(check, Join(path, "exceptional_closings"), h.ExceptionalClosings, Period);
    }

    private static void Period(Check check, string path, ExceptionalPeriod p)
    {
        check.Present(Join(path, "period_begin"), p.PeriodBegin);
        check.Present(Join(path, "period_end"), p.PeriodEnd);
    }

    private static void EnergyMix(Check check, string path, EnergyMix m)
    {
        check.Required(Join(path, "is_green_energy"), m.IsGreenEnergy, RequiredMissing, OcpiSeverity.Deviation);
        Each(check, Join(path, "energy_sources"), m.EnergySources, (c, p, s) =>
        {
            c.OneOf(Join(p, "source"), s.Source, OcpiValues.EnergySourceCategory, nameof(OcpiValues.EnergySourceCategory), Need.Required);
            if (s.Percentage is < 0 or > 100)
                c.Add(NumberOutOfRange, OcpiSeverity.Deviation, Join(p, "percentage"), s.Percentage.ToString(CultureInfo.InvariantCulture), "must be between 0 and 100");
        });
        Each(check, Join(path, "environ_impact"), m.EnvironImpact, (c, p, i) =>
            c.OneOf(Join(p, "category"), i.Category, OcpiValues.EnvironmentalImpactCategory, nameof(OcpiValues.EnvironmentalImpactCategory), Need.Required));
        check.Text(Join(path, "supplier_name"), m.SupplierName, 64, Need.Optional);
        check.Text(Join(path, "energy_product_name"), m.EnergyProductName, 64, Need.Optional);
    }

    /// <summary>Each item of a list; a null item in evses or connectors (<paramref name="needed"/>) makes the object unusable.</summary>
    private static void Each<T>(Check check, FieldPath path, IReadOnlyList<T>? items, Action<Check, string, T> validate, bool needed = false)
    {
        if (items is null)
            return;
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = check.Reporting ? string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]") : "";
            if (items[i] is null)
                check.Add(needed ? FieldNeeded : ItemNull, needed ? OcpiSeverity.Unusable : OcpiSeverity.Deviation, itemPath, null, "must not be null");
            else
                validate(check, itemPath, items[i]);
        }
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static FieldPath Join(string path, string field) => new(path, field);

    /// <summary>How much a field matters: optional, required by OCPI (missing is a deviation), or needed by the portal (missing makes the object unusable).</summary>
    private enum Need
    {
        Optional,
        Required,
        Needed,
    }

    /// <summary>A field's path, joined into text only when a problem is reported: valid objects allocate no paths.</summary>
    private readonly record struct FieldPath(string Parent, string Field)
    {
        public static implicit operator FieldPath(string path) => new("", path);

        public static implicit operator string(FieldPath path) => path.ToString();

        public override string ToString() => Parent.Length == 0 ? Field : $"{Parent}.{Field}";
    }

    [GeneratedRegex(@"^-?[0-9]{1,2}\.[0-9]{5,7}$")]
    private static partial Regex Latitude();

    [GeneratedRegex(@"^-?[0-9]{1,3}\.[0-9]{5,7}$")]
    private static partial Regex Longitude();

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    private static partial Regex LocalTime();

    private sealed class Check(bool reporting)
    {
        /// <summary>A check per thread that only notes a failure (<see cref="Reporting"/> false).</summary>
        [ThreadStatic]
        private static Check? t_silent;

        public static Check Silent => t_silent ??= new Check(reporting: false);

        /// <summary>Whether findings are named (paths and messages built) or only noted in <see cref="Failed"/>.</summary>
        public bool Reporting { get; } = reporting;

        public bool Failed { get; set; }

        public List<OcpiFinding> Findings { get; } = [];

        public void Add(string rule, OcpiSeverity severity, FieldPath path, string? value, string message)
        {
            Failed = true;
            if (Reporting)
                Findings.Add(new OcpiFinding(rule, severity, path, OcpiFinding.Clip(value), message));
        }

        public bool Required<T>(FieldPath path, T? value, string rule, OcpiSeverity severity)
        {
            if (value is not null)
                return true;
            Add(rule, severity, path, null, "is required");
            return false;
        }

        /// <summary>A missing non-nullable DateTime arrives as default(DateTime).</summary>
        public void Present(FieldPath path, DateTime value)
        {
            if (value == default)
                Add(RequiredMissing, OcpiSeverity.Deviation, path, null, "is required");
        }

        public void Text(FieldPath path, string? value, int maxLength, Need need)
        {
            if (string.IsNullOrEmpty(value))
            {
                Missing(path, need);
                return;
            }
            if (value.Length > maxLength)
                Add(StringTooLong, OcpiSeverity.Deviation, path, value, string.Create(CultureInfo.InvariantCulture, $"is longer than {maxLength} characters"));
            foreach (var ch in value)
            {
                if (char.IsControl(ch))
                {
                    Add(StringCharacters, OcpiSeverity.Deviation, path, value, "must not contain control characters");
                    break;
                }
            }
        }

        /// <summary>An id the portal keys on (CiString): any flaw makes the object unusable.</summary>
        public void Key(FieldPath path, string? value, int maxLength, bool exactly = false)
        {
            if (string.IsNullOrEmpty(value))
            {
                Add(KeyInvalid, OcpiSeverity.Unusable, path, null, "is required");
                return;
            }
            if (exactly && value.Length != maxLength)
                Add(KeyInvalid, OcpiSeverity.Unusable, path, value, string.Create(CultureInfo.InvariantCulture, $"must be exactly {maxLength} characters"));
            else if (value.Length > maxLength)
                Add(KeyInvalid, OcpiSeverity.Unusable, path, value, string.Create(CultureInfo.InvariantCulture, $"is longer than {maxLength} characters"));
            if (value.AsSpan().IndexOfAnyExceptInRange(' ', '~') >= 0)
                Add(KeyInvalid, OcpiSeverity.Unusable, path, value, "must be printable ASCII");
        }

        /// <summary>CiString that is not a key: printable ASCII, compared case-insensitively.</summary>
        public void CiString(FieldPath path, string? value, int maxLength, Need need)
        {
            if (string.IsNullOrEmpty(value))
            {
                Missing(path, need);
                return;
            }
            if (value.Length > maxLength)
                Add(StringTooLong, OcpiSeverity.Deviation, path, value, string.Create(CultureInfo.InvariantCulture, $"is longer than {maxLength} characters"));
            if (value.AsSpan().IndexOfAnyExceptInRange(' ', '~') >= 0)
                Add(StringCharacters, OcpiSeverity.Deviation, path, value, "must be printable ASCII");
        }

        /// <summary>An OCPI enum: an unknown value is a deviation (kept as sent); missing follows <paramref name="need"/>.</summary>
        public void OneOf(FieldPath path, string? value, FrozenSet<string> allowed, string enumName, Need need)
        {
            if (string.IsNullOrEmpty(value))
            {
                Missing(path, need);
                return;
            }
            if (!allowed.Contains(value))
                Add(EnumUnknown, OcpiSeverity.Deviation, path, value, $"'{value}' is not an OCPI 2.2.1 {enumName} value");
        }

        /// <summary>The EVSE status: status events and availability are built on it, so an unknown one is unusable.</summary>
        public void Status(FieldPath path, string? value)
        {
            if (string.IsNullOrEmpty(value))
                Add(StatusUnknown, OcpiSeverity.Unusable, path, null, "is required");
            else if (!OcpiValues.EvseStatus.Contains(value))
                Add(StatusUnknown, OcpiSeverity.Unusable, path, value, $"'{value}' is not an OCPI 2.2.1 Status value");
        }

        /// <summary>
        /// A coordinate in the spec's form, or else: a number of degrees in range is a deviation (decimals or
        /// form), anything else is <paramref name="unreadable"/> (unusable for the location's own position).
        /// </summary>
        public void Coordinate(FieldPath path, string? value, Regex pattern, int maxLength, int range, OcpiSeverity unreadable)
        {
            if (string.IsNullOrEmpty(value))
            {
                Add(CoordinatesInvalid, unreadable, path, null, "is required");
                return;
            }
            if (value.Length <= maxLength && pattern.IsMatch(value))
                return;
            var message = $"'{value}' does not match {pattern}";
            if (!double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var degrees)
                || !double.IsFinite(degrees) || Math.Abs(degrees) > range)
            {
                Add(CoordinatesInvalid, unreadable, path, value, message);
                return;
            }
            var point = value.IndexOf('.', StringComparison.Ordinal);
            var decimals = point < 0 ? 0 : value.Length - point - 1;
            Add(decimals is < 5 or > 7 ? CoordinatesDecimals : CoordinatesFormat, OcpiSeverity.Deviation, path, value, message);
        }

        public bool Time(FieldPath path, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                Add(RequiredMissing, OcpiSeverity.Deviation, path, null, "is required");
                return false;
            }
            if (value.Length <= 5 && LocalTime().IsMatch(value))
                return true;
            Add(TimeFormat, OcpiSeverity.Deviation, path, value, $"'{value}' does not match {LocalTime()}");
            return false;
        }

        public void Positive(FieldPath path, int? value, bool required)
        {
            if (value is null)
            {
                if (required)
                    Add(RequiredMissing, OcpiSeverity.Deviation, path, null, "is required");
                return;
            }
            if (value <= 0)
                Add(NumberOutOfRange, OcpiSeverity.Deviation, path, Number(value), "must be greater than 0");
        }

        private void Missing(FieldPath path, Need need)
        {
            if (need == Need.Needed)
                Add(FieldNeeded, OcpiSeverity.Unusable, path, null, "is required");
            else if (need == Need.Required)
                Add(RequiredMissing, OcpiSeverity.Deviation, path, null, "is required");
        }
    }
}
