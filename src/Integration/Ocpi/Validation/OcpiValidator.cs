using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Ocpi.Validation;

/// <summary>
/// Checks one OCPI 2.2.1 Location, EVSE or Connector against the spec's cardinalities, enum lists,
/// lengths and formats. An empty list means valid; otherwise the receiver answers 2001 for that object.
/// Maximum lengths are the errata's where those are wider (address 255, state 45), as the spec's advice
/// is to be lenient on lengths.
/// </summary>
public static partial class OcpiValidator
{
    public static IReadOnlyList<OcpiProblem> ValidateLocation(Location location) => Validate(location, static (c, l) => Location(c, l));

    public static IReadOnlyList<OcpiProblem> ValidateEvse(Evse evse) => Validate(evse, static (c, e) => Evse(c, "", e));

    public static IReadOnlyList<OcpiProblem> ValidateConnector(Connector connector) => Validate(connector, static (c, k) => Connector(c, "", k));

    /// <summary>
    /// A first pass only notes whether anything is wrong, building no paths and no messages, so a valid
    /// object (the common case) costs no allocation; only an invalid one is checked again to name its problems.
    /// </summary>
    private static IReadOnlyList<OcpiProblem> Validate<T>(T value, Action<Check, T> validate)
    {
        var quick = Check.Silent;
        quick.Failed = false;
        validate(quick, value);
        if (!quick.Failed)
            return [];
        var check = new Check(reporting: true);
        validate(check, value);
        return check.Problems;
    }

    private static void Location(Check check, Location l)
    {
        check.CiString("country_code", l.CountryCode, 2, exactly: true);
        check.CiString("party_id", l.PartyId, 3, exactly: true);
        check.CiString("id", l.Id, 36);
        check.Required("publish", l.Publish);
        if (l.Publish == true && l.PublishAllowedTo is { Count: > 0 })
            check.Add("publish_allowed_to", "is only allowed when publish is false");
        Each(check, "publish_allowed_to", l.PublishAllowedTo, PublishToken);
        check.Text("name", l.Name, 255, required: false);
        check.Text("address", l.Address, 255, required: true);
        check.Text("city", l.City, 45, required: true);
        check.Text("postal_code", l.PostalCode, 10, required: false);
        check.Text("state", l.State, 45, required: false);
        check.Text("country", l.Country, 3, required: true);
        if (check.Required("coordinates", l.Coordinates))
            Coordinates(check, "coordinates", l.Coordinates.Latitude, l.Coordinates.Longitude);
        Each(check, "related_locations", l.RelatedLocations, (c, p, r) =>
        {
            Coordinates(c, p, r.Latitude, r.Longitude);
            if (r.Name is not null)
                DisplayText(c, p + ".name", r.Name);
        });
        check.OneOf("parking_type", l.ParkingType, OcpiValues.ParkingType, nameof(OcpiValues.ParkingType), required: false);
        Each(check, "evses", l.Evses, Evse);
        Each(check, "directions", l.Directions, DisplayText);
        Business(check, "operator", l.Operator);
        Business(check, "suboperator", l.Suboperator);
        Business(check, "owner", l.Owner);
        Each(check, "facilities", l.Facilities, (c, p, f) => c.OneOf(p, f, OcpiValues.Facility, nameof(OcpiValues.Facility), required: true));
        check.Text("time_zone", l.TimeZone, 255, required: true);
        if (l.OpeningTimes is not null)
            Hours(check, "opening_times", l.OpeningTimes);
        Each(check, "images", l.Images, Image);
        if (l.EnergyMix is not null)
            EnergyMix(check, "energy_mix", l.EnergyMix);
        check.Required("last_updated", l.LastUpdated);
    }

    private static void Evse(Check check, string path, Evse e)
    {
        check.CiString(Join(path, "uid"), e.Uid, 36);
        check.CiString(Join(path, "evse_id"), e.EvseId, 48, required: false);
        check.OneOf(Join(path, "status"), e.Status, OcpiValues.EvseStatus, "Status", required: true);
        Each(check, Join(path, "status_schedule"), e.StatusSchedule, (c, p, s) =>
        {
            c.Present(Join(p, "period_begin"), s.PeriodBegin);
            c.OneOf(Join(p, "status"), s.Status, OcpiValues.EvseStatus, "Status", required: true);
        });
        Each(check, Join(path, "capabilities"), e.Capabilities, (c, p, v) => c.OneOf(p, v, OcpiValues.Capability, nameof(OcpiValues.Capability), required: true));
        if (e.Connectors is not { Count: > 0 })
            check.Add(Join(path, "connectors"), "needs at least one connector");
        Each(check, Join(path, "connectors"), e.Connectors, Connector);
        check.Text(Join(path, "floor_level"), e.FloorLevel, 4, required: false);
        if (e.Coordinates is not null)
            Coordinates(check, Join(path, "coordinates"), e.Coordinates.Latitude, e.Coordinates.Longitude);
        check.Text(Join(path, "physical_reference"), e.PhysicalReference, 16, required: false);
        Each(check, Join(path, "directions"), e.Directions, DisplayText);
        Each(check, Join(path, "parking_restrictions"), e.ParkingRestrictions,
            (c, p, v) => c.OneOf(p, v, OcpiValues.ParkingRestriction, nameof(OcpiValues.ParkingRestriction), required: true));
        Each(check, Join(path, "images"), e.Images, Image);
        check.Required(Join(path, "last_updated"), e.LastUpdated);
    }

    private static void Connector(Check check, string path, Connector c)
    {
        check.CiString(Join(path, "id"), c.Id, 36);
        check.OneOf(Join(path, "standard"), c.Standard, OcpiValues.ConnectorType, nameof(OcpiValues.ConnectorType), required: true);
        check.OneOf(Join(path, "format"), c.Format, OcpiValues.ConnectorFormat, nameof(OcpiValues.ConnectorFormat), required: true);
        check.OneOf(Join(path, "power_type"), c.PowerType, OcpiValues.PowerType, nameof(OcpiValues.PowerType), required: true);
        check.Positive(Join(path, "max_voltage"), c.MaxVoltage, required: true);
        check.Positive(Join(path, "max_amperage"), c.MaxAmperage, required: true);
        check.Positive(Join(path, "max_electric_power"), c.MaxElectricPower, required: false);
        Each(check, Join(path, "tariff_ids"), c.TariffIds, (k, p, id) => k.CiString(p, id, 36));
        check.Text(Join(path, "terms_and_conditions"), c.TermsAndConditions, 255, required: false);
        check.Required(Join(path, "last_updated"), c.LastUpdated);
    }

    private static void Coordinates(Check check, string path, string? latitude, string? longitude)
    {
        check.Matches(Join(path, "latitude"), latitude, Latitude(), 10);
        check.Matches(Join(path, "longitude"), longitude, Longitude(), 11);
    }

    private static void PublishToken(Check check, string path, PublishTokenType t)
    {
        if (t.Uid is null && t.VisualNumber is null && t.GroupId is null)
            check.Add(path, "needs uid, visual_number or group_id");
        check.CiString(Join(path, "uid"), t.Uid, 36, required: false);
        if (t.Uid is not null && t.Type is null)
            check.Add(Join(path, "type"), "is required with uid");
        check.OneOf(Join(path, "type"), t.Type, OcpiValues.TokenType, nameof(OcpiValues.TokenType), required: false);
        check.Text(Join(path, "visual_number"), t.VisualNumber, 64, required: false);
        if (t.VisualNumber is not null && t.Issuer is null)
            check.Add(Join(path, "issuer"), "is required with visual_number");
        check.Text(Join(path, "issuer"), t.Issuer, 64, required: false);
        check.CiString(Join(path, "group_id"), t.GroupId, 36, required: false);
    }

    private static void Business(Check check, string path, BusinessDetails? b)
    {
        if (b is null)
            return;
        check.Text(Join(path, "name"), b.Name, 100, required: true);
        check.Text(Join(path, "website"), b.Website, 255, required: false);
        if (b.Logo is not null)
            Image(check, Join(path, "logo"), b.Logo);
    }

    private static void Image(Check check, string path, Image i)
    {
        check.Text(Join(path, "url"), i.Url, 255, required: true);
        check.Text(Join(path, "thumbnail"), i.Thumbnail, 255, required: false);
        check.OneOf(Join(path, "category"), i.Category, OcpiValues.ImageCategory, nameof(OcpiValues.ImageCategory), required: true);
        check.CiString(Join(path, "type"), i.Type, 4);
        if (i.Width is < 0 or > 99999)
            check.Add(Join(path, "width"), "must be at most 5 digits");
        if (i.Height is < 0 or > 99999)
            check.Add(Join(path, "height"), "must be at most 5 digits");
    }

    private static void DisplayText(Check check, string path, DisplayText t)
    {
        check.Text(Join(path, "language"), t.Language, 2, required: true);
        check.Text(Join(path, "text"), t.Text, 512, required: true);
    }

    private static void Hours(Check check, string path, Hours h)
    {
        check.Required(Join(path, "twentyfourseven"), h.Twentyfourseven);
        if (h.Twentyfourseven == false && h.RegularHours is not { Count: > 0 })
            check.Add(Join(path, "regular_hours"), "needs at least one entry when twentyfourseven is false");
        Each(check, Join(path, "regular_hours"), h.RegularHours, (c, p, r) =>
        {
            if (r.Weekday is < 1 or > 7)
                c.Add(Join(p, "weekday"), "must be 1 (Monday) to 7 (Sunday)");
            var begin = c.Matches(Join(p, "period_begin"), r.PeriodBegin, LocalTime(), 5);
            var end = c.Matches(Join(p, "period_end"), r.PeriodEnd, LocalTime(), 5);
            if (begin && end && string.CompareOrdinal(r.PeriodEnd, r.PeriodBegin) <= 0)
                c.Add(Join(p, "period_end"), "must be later than period_begin");
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
        check.Required(Join(path, "is_green_energy"), m.IsGreenEnergy);
        Each(check, Join(path, "energy_sources"), m.EnergySources, (c, p, s) =>
        {
            c.OneOf(Join(p, "source"), s.Source, OcpiValues.EnergySourceCategory, nameof(OcpiValues.EnergySourceCategory), required: true);
            if (s.Percentage is < 0 or > 100)
                c.Add(Join(p, "percentage"), "must be between 0 and 100");
        });
        Each(check, Join(path, "environ_impact"), m.EnvironImpact, (c, p, i) =>
            c.OneOf(Join(p, "category"), i.Category, OcpiValues.EnvironmentalImpactCategory, nameof(OcpiValues.EnvironmentalImpactCategory), required: true));
        check.Text(Join(path, "supplier_name"), m.SupplierName, 64, required: false);
        check.Text(Join(path, "energy_product_name"), m.EnergyProductName, 64, required: false);
    }

    private static void Each<T>(Check check, FieldPath path, IReadOnlyList<T>? items, Action<Check, string, T> validate)
    {
        if (items is null)
            return;
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = check.Reporting ? string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]") : "";
            if (items[i] is null)
                check.Add(itemPath, "must not be null");
            else
                validate(check, itemPath, items[i]);
        }
    }

    private static FieldPath Join(string path, string field) => new(path, field);

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

        /// <summary>Whether problems are named (paths and messages built) or only noted in <see cref="Failed"/>.</summary>
        public bool Reporting { get; } = reporting;

        public bool Failed { get; set; }

        public List<OcpiProblem> Problems { get; } = [];

        public void Add(FieldPath path, string message)
        {
            Failed = true;
            if (Reporting)
                Problems.Add(new OcpiProblem(path, message));
        }

        public bool Required<T>(FieldPath path, T? value)
        {
            if (value is not null)
                return true;
            Add(path, "is required");
            return false;
        }

        /// <summary>A missing non-nullable DateTime arrives as default(DateTime).</summary>
        public void Present(FieldPath path, DateTime value)
        {
            if (value == default)
                Add(path, "is required");
        }

        public void Text(FieldPath path, string? value, int maxLength, bool required)
        {
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                    Add(path, "is required");
                return;
            }
            if (value.Length > maxLength)
                Add(path, string.Create(CultureInfo.InvariantCulture, $"is longer than {maxLength} characters"));
            foreach (var ch in value)
            {
                if (char.IsControl(ch))
                {
                    Add(path, "must not contain control characters");
                    break;
                }
            }
        }

        /// <summary>CiString: printable ASCII, compared case-insensitively.</summary>
        public void CiString(FieldPath path, string? value, int maxLength, bool required = true, bool exactly = false)
        {
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                    Add(path, "is required");
                return;
            }
            if (exactly && value.Length != maxLength)
                Add(path, string.Create(CultureInfo.InvariantCulture, $"must be exactly {maxLength} characters"));
            else if (value.Length > maxLength)
                Add(path, string.Create(CultureInfo.InvariantCulture, $"is longer than {maxLength} characters"));
            if (value.AsSpan().IndexOfAnyExceptInRange(' ', '~') >= 0)
                Add(path, "must be printable ASCII");
        }

        public void OneOf(FieldPath path, string? value, FrozenSet<string> allowed, string enumName, bool required)
        {
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                    Add(path, "is required");
                return;
            }
            if (!allowed.Contains(value))
                Add(path, $"'{value}' is not an OCPI 2.2.1 {enumName} value");
        }

        public bool Matches(FieldPath path, string? value, Regex pattern, int maxLength)
        {
            if (string.IsNullOrEmpty(value))
            {
                Add(path, "is required");
                return false;
            }
            if (value.Length <= maxLength && pattern.IsMatch(value))
                return true;
            Add(path, $"'{value}' does not match {pattern}");
            return false;
        }

        public void Positive(FieldPath path, int? value, bool required)
        {
            if (value is null)
            {
                if (required)
                    Add(path, "is required");
                return;
            }
            if (value <= 0)
                Add(path, "must be greater than 0");
        }
    }
}
