using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Integration.Ocpi.ChargingProfiles;

/// <summary>
/// Reads a pushed ActiveChargingProfile (NOTES 8.3) field by field, so every problem names its field in
/// wire names (charging_profile.charging_profile_period[1].limit). Numbers must be JSON numbers.
/// </summary>
public static class ActiveChargingProfileReader
{
    public static (ReadProfile? Profile, IReadOnlyList<string> Problems) Read(JsonObject json)
    {
        var problems = new List<string>();
        var start = DateTimeField(json, "start_date_time", "start_date_time", required: true, problems);
        string? unit = null;
        decimal? limitAtStart = null;
        if (json["charging_profile"] is not JsonObject profile)
        {
            problems.Add("charging_profile: required, a ChargingProfile object");
        }
        else
        {
            unit = Text(profile["charging_rate_unit"]);
            if (unit is null || !ChargingProfileValues.RateUnits.Contains(unit))
            {
                problems.Add("charging_profile.charging_rate_unit: required, W or A");
                unit = null;
            }
            DateTimeField(profile, "start_date_time", "charging_profile.start_date_time", required: false, problems);
            if (profile["duration"] is { } duration && Integer(duration) is not >= 0)
                problems.Add("charging_profile.duration: a whole number of seconds, 0 or more");
            if (profile["min_charging_rate"] is { } minimum && !IsLimit(minimum))
                problems.Add("charging_profile.min_charging_rate: a number, 0 or more, with at most 1 decimal");
            limitAtStart = Periods(profile["charging_profile_period"], problems);
        }
        return problems.Count == 0 && start is { } at && unit is not null
            ? (new ReadProfile(at, unit, limitAtStart), problems)
            : (null, problems);
    }

    /// <summary>Checks the periods (offsets ascending, from 0) and returns the limit of the one starting at 0.</summary>
    private static decimal? Periods(JsonNode? node, List<string> problems)
    {
        const string field = "charging_profile.charging_profile_period";
        if (node is null)
            return null;
        if (node is not JsonArray periods)
        {
            problems.Add($"{field}: a list of ChargingProfilePeriod objects");
            return null;
        }
        decimal? atStart = null;
        int? previous = null;
        for (var i = 0; i < periods.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            if (periods[i] is not JsonObject period)
            {
                problems.Add($"{path}: a ChargingProfilePeriod object");
                continue;
            }
            var offset = period["start_period"] is { } startPeriod ? Integer(startPeriod) : null;
            if (offset is not >= 0)
                problems.Add($"{path}.start_period: required, a whole number of seconds, 0 or more");
            else if (previous is { } before && offset <= before)
                problems.Add($"{path}.start_period: must be later than the period before it");
            else
                previous = offset;
            var limit = period["limit"] is { } value && IsLimit(value) ? value.GetValue<decimal>() : (decimal?)null;
            if (limit is null)
                problems.Add($"{path}.limit: required, a number, 0 or more, with at most 1 decimal");
            else if (offset == 0)
                atStart = limit;
        }
        return atStart;
    }

    private static DateTime? DateTimeField(JsonObject json, string name, string path, bool required, List<string> problems)
    {
        var node = json[name];
        if (node is null && !required)
            return null;
        if (OcpiJson.TryParseDateTime(Text(node), out var utc))
            return utc;
        problems.Add(required ? $"{path}: required, an OCPI DateTime (UTC)" : $"{path}: an OCPI DateTime (UTC)");
        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static int? Integer(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : null;

    private static bool IsLimit(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number)
        && number >= 0 && decimal.Round(number, 1) == number;
}

/// <summary>What the portal keeps from a valid ActiveChargingProfile besides the body itself.</summary>
public sealed record ReadProfile(DateTime StartDateTimeUtc, string ChargingRateUnit, decimal? LimitAtStart);
