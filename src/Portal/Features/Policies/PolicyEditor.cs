using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.BackOffice;
using Portal.Domain.Applications;
using Portal.Domain.Audits.Usage;
using Portal.Domain.Municipalities;
using Portal.Integration.GeoJson;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Policies;

/// <summary>
/// The work behind the policy page: which municipalities the person may set the policy of (an
/// officer's own, every one for an administrator), checking the form and saving it, the permit-zone
/// upload and removal, and the change history. Every call takes the person from the signed-in user
/// and treats another municipality as not existing.
/// </summary>
internal sealed class PolicyEditor(MunicipalityPolicies policies, PortalDbContext db, IStringLocalizer<Texts> T)
{
    public const string PermitZonesField = nameof(PolicySettings.PermitZones);

    /// <summary>The municipality's policy as the page shows it; null when the person may not set it (or it does not exist).</summary>
    public async Task<PolicyView?> OpenAsync(ClaimsPrincipal user, Guid municipalityId, CancellationToken ct = default)
    {
        if (!await MayEditAsync(user, municipalityId, ct))
            return null;
        var settings = await policies.GetAsync(municipalityId, ct);
        var zones = MunicipalityPolicies.PermitZonesOf(settings);
        var geoJson = zones.Count == 0 ? null : System.Text.Encoding.UTF8.GetString(MunicipalityPolicies.ZonesGeoJson(zones));
        return new PolicyView(municipalityId, PolicyForm.From(settings), settings.PermitZones, geoJson);
    }

    public Task<IReadOnlyList<MunicipalityChoice>> MunicipalitiesAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        policies.EditableAsync(user, ct);

    /// <summary>
    /// Every message the form earns, by field ("PolicyDistanceMetres", "RejectReasons[2].Title", …):
    /// fields that are not whole numbers, and every broken policy rule, in the reader's language.
    /// </summary>
    public PolicyCheck Check(PolicyForm form, IReadOnlyList<PermitZoneShape> zones)
    {
        var (settings, notNumbers) = form.ToSettings(zones);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var field in notNumbers)
            errors[field] = [T["Policy.NotANumber"]];
        // A field that is not a number has its own message; the range rule would only repeat it as 0.
        foreach (var problem in settings.Normalised().Problems().Where(p => !notNumbers.Contains(p.Field)))
        {
            var field = problem.Field.StartsWith(PermitZonesField, StringComparison.Ordinal) ? PermitZonesField : problem.Field;
            if (!errors.TryGetValue(field, out var messages))
                errors[field] = messages = [];
            messages.Add(Message(problem));
        }
        return new PolicyCheck(settings, errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal));
    }

    /// <summary>Saves the form when it is in order; otherwise saves nothing and returns the messages.</summary>
    public async Task<PolicyCheck> SaveAsync(ClaimsPrincipal user, Guid municipalityId, PolicyForm form, CancellationToken ct = default)
    {
        await EnsureMayEditAsync(user, municipalityId, ct);
        // The zones are not part of the form: they stay as they are stored.
        var zones = (await policies.GetAsync(municipalityId, ct)).PermitZones;
        var check = Check(form, zones);
        if (!check.IsValid)
            return check;
        var problems = await policies.SaveAsync(municipalityId, check.Settings, await policies.ActorAsync(user), ct);
        return problems.Count == 0 ? check : Check(form, zones);
    }

    /// <summary>
    /// Reads an uploaded GeoJSON file of permit zones and, when at least one zone is usable, makes
    /// those the municipality's zones. Unusable features are reported one by one.
    /// </summary>
    public async Task<ZoneUpload> UploadZonesAsync(ClaimsPrincipal user, Guid municipalityId, string fileName, long size, Stream content, CancellationToken ct = default)
    {
        await EnsureMayEditAsync(user, municipalityId, ct);
        if (size == 0)
            return ZoneUpload.Refused(T["SpotImport.NoFile"]);
        if (size > MunicipalityPolicies.MaxZoneUploadBytes)
            return ZoneUpload.Refused(T["SpotImport.TooLarge", MunicipalityPolicies.MaxZoneUploadBytes / (1024 * 1024)]);
        if (Path.GetExtension(fileName).ToLowerInvariant() is not (".geojson" or ".json"))
            return ZoneUpload.Refused(T["SpotImport.WrongType"]);

        // The reader wants a seekable stream; the file is at most MaxZoneUploadBytes.
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var (zones, rejects) = MunicipalityPolicies.ReadZones(buffer);
        if (zones.Count == 0)
            return new ZoneUpload(0, rejects, T["Policy.ZonesNoneUsable"]);
        var settings = await policies.GetAsync(municipalityId, ct);
        var problems = await policies.SaveAsync(municipalityId, settings with { PermitZones = zones }, await policies.ActorAsync(user), ct);
        if (problems.Count > 0)
            return new ZoneUpload(0, rejects, string.Join(" ", problems.Select(Message)));
        return new ZoneUpload(zones.Count, rejects, null);
    }

    /// <summary>Removes one permit zone by its name; false when there is no such zone.</summary>
    public async Task<bool> RemoveZoneAsync(ClaimsPrincipal user, Guid municipalityId, string zoneName, CancellationToken ct = default)
    {
        await EnsureMayEditAsync(user, municipalityId, ct);
        var settings = await policies.GetAsync(municipalityId, ct);
        var remaining = settings.PermitZones.Where(z => !string.Equals(z.Name, zoneName, StringComparison.Ordinal)).ToList();
        if (remaining.Count == settings.PermitZones.Count)
            return false;
        var problems = await policies.SaveAsync(municipalityId, settings with { PermitZones = remaining }, await policies.ActorAsync(user), ct);
        return problems.Count == 0;
    }

    /// <summary>One page of the change history, newest first (or oldest first when asked).</summary>
    public async Task<GridPage<MunicipalityPolicyChange>> HistoryAsync(ClaimsPrincipal user, Guid municipalityId, GridQuery grid, CancellationToken ct = default)
    {
        await EnsureMayEditAsync(user, municipalityId, ct);
        var changes = db.MunicipalityPolicyChanges.AsNoTracking().Where(c => c.MunicipalityId == municipalityId);
        var total = await changes.CountAsync(ct);
        var ordered = grid.Sort is not null && !grid.Descending
            ? changes.OrderBy(c => c.ChangedAtUtc).ThenBy(c => c.Id)
            : changes.OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id);
        var rows = await ordered.Skip(grid.Skip).Take(grid.PageSize).ToListAsync(ct);
        return new GridPage<MunicipalityPolicyChange>(rows, total);
    }

    /// <summary>The reader's-language message for a broken policy rule.</summary>
    public string Message(PolicyProblem p) => p.Rule switch
    {
        PolicyRule.DistanceOutOfRange => T["Policy.Rule.DistanceOutOfRange", PolicySettings.MinDistanceMetres, PolicySettings.MaxDistanceMetres],
        PolicyRule.OccupancyOutOfRange => T["Policy.Rule.OccupancyOutOfRange", PolicySettings.MinOccupancyPercent, PolicySettings.MaxOccupancyPercent],
        PolicyRule.DecisionWeeksOutOfRange or PolicyRule.ExtensionWeeksOutOfRange => T["Policy.Rule.WeeksOutOfRange", DecisionDeadlineSettings.MaxWeeks],
        PolicyRule.RetentionOutOfRange => T["Policy.Rule.RetentionOutOfRange", PolicySettings.MinRetentionMonths, PolicySettings.MaxRetentionMonths],
        PolicyRule.BusyKwhOutOfRange => T["Policy.Rule.BusyKwhOutOfRange", BusyThresholds.MinKwh, BusyThresholds.MaxKwh],
        PolicyRule.BusySessionsOutOfRange => T["Policy.Rule.BusySessionsOutOfRange", BusyThresholds.MinSessions, BusyThresholds.MaxSessions],
        PolicyRule.TooManyRejectReasons => T["Policy.Rule.TooManyRejectReasons", PolicySettings.MaxRejectReasons],
        PolicyRule.RejectReasonTitleTooLong => T["Policy.Rule.TooLong", RejectReasonTemplate.MaxTitleLength],
        PolicyRule.RejectReasonTextTooLong => T["Policy.Rule.TooLong", RejectReasonTemplate.MaxTextLength],
        PolicyRule.ResidentTextTooLong => T["Policy.Rule.TooLong", ResidentTexts.MaxLength],
        PolicyRule.PermitZoneNameTooLong => T["Policy.Rule.TooLong", PermitZoneShape.MaxNameLength],
        PolicyRule.TooManyPermitZones => T["Policy.Rule.TooManyPermitZones", PolicySettings.MaxPermitZones],
        _ => T[$"Policy.Rule.{p.Rule}"],
    };

    /// <summary>The field key of one reject reason's title or text, as <see cref="Check"/> names it.</summary>
    public static string ReasonField(int index, string part) => string.Create(CultureInfo.InvariantCulture, $"{nameof(PolicyForm.RejectReasons)}[{index}].{part}");

    private async Task<bool> MayEditAsync(ClaimsPrincipal user, Guid municipalityId, CancellationToken ct) =>
        (await policies.EditableAsync(user, ct)).Any(m => m.Id == municipalityId);

    private async Task EnsureMayEditAsync(ClaimsPrincipal user, Guid municipalityId, CancellationToken ct)
    {
        if (!await MayEditAsync(user, municipalityId, ct))
            throw new UnauthorizedAccessException("Not a municipality whose policy this person may set.");
    }
}

/// <summary>The form checked: the settings it describes and the messages per field (none when it can be saved).</summary>
public sealed record PolicyCheck(PolicySettings Settings, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<string> For(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];
}

/// <summary>The policy as the page shows it; <paramref name="ZonesGeoJson"/> is the permit zones for the map (null without zones).</summary>
public sealed record PolicyView(Guid MunicipalityId, PolicyForm Form, IReadOnlyList<PermitZoneShape> Zones, string? ZonesGeoJson);

/// <summary>What a zone upload did: how many zones it saved, the features it could not use, and why nothing was saved (if so).</summary>
public sealed record ZoneUpload(int Saved, IReadOnlyList<GeoJsonProblem> Rejected, string? Problem)
{
    public static ZoneUpload Refused(string problem) => new(0, [], problem);
}
