using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Accounts;
using Portal.Domain.Municipalities;
using Portal.Domain.Operators;
using Portal.Integration.Accounts;
using Portal.Features.ChargePoints;
using Portal.Integration.GeoJson;
using Portal.Integration.Persistence;

namespace Portal.Features.Demo;

/// <summary>
/// Demo mode: the municipality of Arnhem with its real public charge points (open data, see
/// Data/ATTRIBUTION.md), the operators that run them, and one account per role. Safe to run on
/// every start; the demo accounts get the configured password back each time.
/// </summary>
internal sealed class DemoSeeder(
    PortalDbContext db,
    UserManager<PortalUser> users,
    ChargePointImport import,
    DemoApplications applications,
    DemoContract contract,
    DemoInstallations installations,
    DemoUsage usage,
    DemoFieldCheck fieldCheck,
    DemoFindings findings,
    DemoSmartCharging smartCharging,
    Policies.MunicipalityPolicies policies,
    IOptions<DemoOptions> options,
    IWebHostEnvironment environment,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public static readonly (string Email, string Name, string Role)[] Accounts =
    [
        ("bewoner@demo.example", "Bea Bewoner", PortalRoles.Resident),
        ("ambtenaar@demo.example", "Olaf Ambtenaar", PortalRoles.Officer),
        ("cpo@demo.example", "Carla CPO", PortalRoles.CpoUser),
        ("beheerder@demo.example", "Bram Beheerder", PortalRoles.Admin),
    ];

    public bool IsEnabled => options.Value.Enabled;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Password))
            throw new InvalidOperationException("Demo:Password must be set when Demo:Enabled is true.");

        var municipality = await EnsureMunicipalityAsync(settings, ct);
        await EnsureChargePointsAsync(municipality, ct);
        var operatorId = await EnsureOperatorsAsync(settings.OperatorName, ct);
        await policies.SeedDemoAsync(municipality.Id, Path.Combine(environment.ContentRootPath, "Features", "Demo", "Data", "arnhem-permit-zones.geojson"), ct);
        foreach (var (email, name, role) in Accounts)
            await EnsureAccountAsync(email, name, role, settings.Password, municipality.Id, operatorId);
        await applications.SeedAsync(municipality.Id, settings.Password, ct);
        await contract.SeedAsync(municipality.Id, operatorId, ct);
        var contractId = await db.Contracts.Where(c => c.Reference == DemoContract.Reference).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        await installations.SeedAsync(municipality.Id, operatorId, contractId, ct);
        await usage.SeedAsync(operatorId, ct);
        await fieldCheck.SeedAsync(municipality.Id, ct);
        await findings.SeedAsync(contractId, ct);
        await smartCharging.SeedAsync(contractId, ct);

        PrintLogIns(settings.Password);
    }

    private async Task<Municipality> EnsureMunicipalityAsync(DemoOptions settings, CancellationToken ct)
    {
        var code = MunicipalityCode.Parse(settings.MunicipalityCode);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Code == code, ct);
        if (municipality is null)
        {
            municipality = Municipality.Register(code, settings.MunicipalityName, clock.GetUtcNow().UtcDateTime);
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync(ct);
        }
        return municipality;
    }

    private async Task EnsureChargePointsAsync(Municipality municipality, CancellationToken ct)
    {
        var folder = Path.Combine(environment.ContentRootPath, "Features", "Demo", "Data");
        if (municipality.BoundaryWkt is null)
        {
            await using var boundaryFile = File.OpenRead(Path.Combine(folder, "arnhem-boundary.geojson"));
            var boundary = GeoJsonReader.Read(boundaryFile).Features.Single();
            municipality.SetBoundary(MunicipalityBoundary.From(boundary.Geometry));
            await db.SaveChangesAsync(ct);
        }
        if (await db.ChargeLocations.AnyAsync(l => l.MunicipalityId == municipality.Id, ct))
            return;
        await using var locations = File.OpenRead(Path.Combine(folder, "arnhem-charge-points.csv"));
        await using var evses = File.OpenRead(Path.Combine(folder, "arnhem-evses.csv"));
        var report = await import.ImportCsvAsync(municipality, locations, evses, ct);
        logger.LogInformation("Demo: imported {Created} charge locations of {Municipality}; {Rejected} rows rejected", report.Created, municipality.Name, report.Rejected.Count);
    }

    /// <summary>Registers every operator that runs a demo charge point; returns the demo CPO's.</summary>
    private async Task<Guid> EnsureOperatorsAsync(string demoOperator, CancellationToken ct)
    {
        var inData = await db.ChargeLocations.AsNoTracking()
            .GroupBy(l => l.OperatorName)
            .Select(g => new { Name = g.Key, PartyId = g.Max(l => l.OperatorPartyId) })
            .ToListAsync(ct);
        var known = await db.Operators.Select(o => o.Name).ToListAsync(ct);
        foreach (var o in inData.Where(o => !known.Contains(o.Name)))
        {
            OcpiPartyId? party = o.PartyId is not null && o.PartyId.Length == 6 ? OcpiPartyId.Parse(o.PartyId) : null;
            db.Operators.Add(OperatorOrganisation.Register(o.Name, party, clock.GetUtcNow().UtcDateTime));
        }
        await db.SaveChangesAsync(ct);
        await LinkOperatorsAsync(ct);
        return await db.Operators.Where(o => o.Name == demoOperator).Select(o => o.Id).SingleAsync(ct);
    }

    /// <summary>Each demo location whose OCPI party is a registered operator's gets that operator.</summary>
    private async Task LinkOperatorsAsync(CancellationToken ct)
    {
        var byParty = (await db.Operators.AsNoTracking().Where(o => o.PartyId != null).Select(o => new { o.Id, o.PartyId }).ToListAsync(ct))
            .GroupBy(o => o.PartyId!.Value.ToString(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var unlinked = await db.ChargeLocations.Where(l => l.OperatorId == null && l.OperatorPartyId != null).ToListAsync(ct);
        foreach (var location in unlinked)
        {
            if (byParty.TryGetValue(location.OperatorPartyId!, out var operatorId))
                location.LinkOperator(operatorId);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureAccountAsync(string email, string name, string role, string password, Guid municipalityId, Guid operatorId)
    {
        var user = await users.Users.Include(u => u.Memberships).SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        if (user is null)
        {
            user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                OperatorId = role == PortalRoles.CpoUser ? operatorId : null,
                Memberships = role == PortalRoles.Officer ? [new OfficerMembership { MunicipalityId = municipalityId }] : [],
            };
            Check(await users.CreateAsync(user, password), email);
            Check(await users.AddToRoleAsync(user, role), email);
            return;
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            Check(await users.RemovePasswordAsync(user), email);
            Check(await users.AddPasswordAsync(user, password), email);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    private static void PrintLogIns(string password)
    {
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine("  Demo log-ins (password for all: " + password + ")");
        foreach (var (email, _, role) in Accounts)
            text.AppendLine(CultureInfo.InvariantCulture, $"    {role,-9} {email}");
        Console.WriteLine(text.ToString());
    }
}
