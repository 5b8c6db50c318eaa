using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Integration.Municipalities;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Eligibility;
using Portal.Domain.Municipalities;
using Portal.Features.Accounts;
using Portal.Components.Shared;
using Portal.Components.BackOffice;
using Portal.Integration.Accounts;
using Portal.Integration.GeoJson;
using Portal.Integration.Persistence;

namespace Portal.Features.Policies;

/// <summary>
/// Each municipality's policy settings. <see cref="GetAsync"/> is what other features call (the
/// eligibility check, pre-assessment, deadlines, retention): a municipality that has not set its
/// own policy gets the defaults, built from the installation-wide Map options.
/// </summary>
internal sealed class MunicipalityPolicies(
    PortalDbContext db,
    MunicipalityBoundaries boundaries,
    TenantAccess tenants,
    UserManager<PortalUser> users,
    IOptions<MapOptions> map,
    TimeProvider clock)
{
    public const long MaxZoneUploadBytes = 5 * 1024 * 1024;
    public const string ZoneNameProperty = "naam";

    public PolicySettings Defaults => PolicySettings.Defaults(new EligibilityPolicy(map.Value.PolicyDistanceMetres, map.Value.OccupancyThresholdPercent));

    public async Task<PolicySettings> GetAsync(Guid municipalityId, CancellationToken ct = default) =>
        await db.MunicipalityPolicies.AsNoTracking().Where(p => p.MunicipalityId == municipalityId).Select(p => p.Settings).SingleOrDefaultAsync(ct)
        ?? Defaults;

    /// <summary>The policy of the municipality the point lies in; the defaults outside every known boundary.</summary>
    public async Task<PolicySettings> AtAsync(double latitude, double longitude, CancellationToken ct = default) =>
        await boundaries.ContainingAsync(latitude, longitude, ct: ct) is { } municipality ? await GetAsync(municipality.Id, ct) : Defaults;

    /// <summary>The permit zones of a municipality, read for the domain rules.</summary>
    public async Task<IReadOnlyList<PermitZone>> PermitZonesAsync(Guid municipalityId, CancellationToken ct = default) =>
        PermitZonesOf(await GetAsync(municipalityId, ct));

    /// <summary>The permit zones of settings already read, for the domain rules.</summary>
    public static IReadOnlyList<PermitZone> PermitZonesOf(PolicySettings settings)
    {
        var zones = new List<PermitZone>();
        foreach (var shape in settings.PermitZones)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(shape.GeoJson));
            if (GeoJsonReader.Read(stream).Features is [var feature])
                zones.Add(new PermitZone(shape.Name, feature.Geometry));
        }
        return zones;
    }

    /// <summary>Permit zones as a GeoJSON FeatureCollection, each feature named in "naam": the download and the policy page's map.</summary>
    public static byte[] ZonesGeoJson(IEnumerable<PermitZone> zones)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            GeoJsonWriter.WriteFeatureCollection(json, zones.Select(z => (
                (string?)null,
                z.Area,
                (IEnumerable<KeyValuePair<string, object?>>)[new(ZoneNameProperty, z.Name)])));
        }
        return buffer.ToArray();
    }

    /// <summary>The municipalities this person may set the policy of: an officer's own, every one for an administrator.</summary>
    public async Task<IReadOnlyList<MunicipalityChoice>> EditableAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var query = db.Municipalities.AsNoTracking();
        if (!user.IsInRole(PortalRoles.Admin))
        {
            var ids = await tenants.MunicipalitiesOfAsync(user, ct);
            query = query.Where(m => ids.Contains(m.Id));
        }
        return await query.OrderBy(m => m.Name).Select(m => new MunicipalityChoice(m.Id, m.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<MunicipalityPolicyChange>> HistoryAsync(Guid municipalityId, CancellationToken ct = default) =>
        await db.MunicipalityPolicyChanges.AsNoTracking().Where(c => c.MunicipalityId == municipalityId)
            .OrderByDescending(c => c.ChangedAtUtc).Take(50).ToListAsync(ct);

    /// <summary>Saves the settings when every rule is met; otherwise returns the broken rules and saves nothing.</summary>
    public async Task<IReadOnlyList<PolicyProblem>> SaveAsync(Guid municipalityId, PolicySettings settings, PolicyActor actor, CancellationToken ct = default)
    {
        var normalised = settings.Normalised();
        if (normalised.Problems() is { Count: > 0 } problems)
            return problems;
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = await db.MunicipalityPolicies.SingleOrDefaultAsync(p => p.MunicipalityId == municipalityId, ct);
        if (policy is null)
        {
            var (created, change) = MunicipalityPolicy.Create(municipalityId, Defaults, normalised, actor, now);
            db.MunicipalityPolicies.Add(created);
            db.MunicipalityPolicyChanges.Add(change);
        }
        else if (policy.Change(normalised, actor, now) is { } change)
        {
            db.MunicipalityPolicyChanges.Add(change);
        }
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<PolicyActor> ActorAsync(ClaimsPrincipal user)
    {
        var account = await users.GetUserAsync(user);
        return account is null ? PolicyActor.System : new PolicyActor(account.Id, account.DisplayName);
    }

    /// <summary>
    /// Reads uploaded permit zones: every Polygon or MultiPolygon feature with a "naam" (or "name")
    /// property. Features that cannot be used are reported one by one; the usable ones are returned.
    /// </summary>
    public static (IReadOnlyList<PermitZoneShape> Zones, IReadOnlyList<GeoJsonProblem> Problems) ReadZones(Stream upload)
    {
        var read = GeoJsonReader.Read(upload, MaxZoneUploadBytes);
        var problems = read.Problems.ToList();
        var zones = new List<PermitZoneShape>();
        foreach (var feature in read.Features)
        {
            var name = NameOf(feature);
            if (feature.Geometry is not (NetTopologySuite.Geometries.Polygon or NetTopologySuite.Geometries.MultiPolygon))
                problems.Add(new GeoJsonProblem(feature.Index, feature.Id, $"A permit zone is a Polygon or MultiPolygon, not a {feature.Geometry.GeometryType}."));
            else if (string.IsNullOrWhiteSpace(name))
                problems.Add(new GeoJsonProblem(feature.Index, feature.Id, $"The feature has no \"{ZoneNameProperty}\" property with the zone's name."));
            else
                zones.Add(new PermitZoneShape(name.Trim(), GeoJsonWriter.GeometryJson(feature.Geometry)));
        }
        return (zones, problems.OrderBy(p => p.Index).ToList());
    }

    /// <summary>The demo municipality's policy: invented permit zones around the centre and Dutch reject reasons. Only when it has none yet.</summary>
    public async Task SeedDemoAsync(Guid municipalityId, string zonesFile, CancellationToken ct = default)
    {
        if (await db.MunicipalityPolicies.AnyAsync(p => p.MunicipalityId == municipalityId, ct))
            return;
        await using var file = File.OpenRead(zonesFile);
        var (zones, _) = ReadZones(file);
        var settings = Defaults with
        {
            PolicyDistanceMetres = 250,
            OccupancyThresholdPercent = 80,
            RetentionMonths = 12,
            PermitZones = zones,
            RejectReasons = DemoRejectReasons,
        };
        var problems = await SaveAsync(municipalityId, settings, PolicyActor.System, ct);
        if (problems.Count > 0)
            throw new InvalidOperationException("Demo policy: " + problems[0].Message);
    }

    private static readonly RejectReasonTemplate[] DemoRejectReasons =
    [
        PolicySettings.DefaultRejectReason,
        new("Eigen parkeerplaats of oprit", "U heeft een eigen oprit, garage of parkeerplaats. Een openbaar laadpunt is bedoeld voor bewoners die niet op eigen terrein kunnen laden."),
        new("Geen elektrische auto aangetoond", "U heeft niet aangetoond dat u een elektrische auto heeft of binnenkort krijgt (kenteken, koop- of leasecontract). U kunt een nieuwe aanvraag doen zodra u dat kunt."),
        new("Geen geschikte plek", "In de straat en de directe omgeving is geen plek die voldoet aan de eisen voor een laadpunt (ruimte op de stoep, afstand tot bomen en parkeervakken)."),
        new("Buiten de gemeente", "Het adres ligt niet in onze gemeente. Vraag het laadpunt aan bij de gemeente waar u woont."),
    ];

    private static string? NameOf(GeoJsonFeature feature)
    {
        foreach (var key in new[] { ZoneNameProperty, "name", "Naam", "Name" })
        {
            if (feature.Properties.TryGetValue(key, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String)
                return value.GetString();
        }
        return null;
    }
}
