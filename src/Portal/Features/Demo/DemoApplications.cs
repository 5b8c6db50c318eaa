using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Geometry = NetTopologySuite.Geometries.Geometry;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Point = NetTopologySuite.Geometries.Point;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Features.Applications;
using Portal.Features.Assessment;
using Portal.Features.Map;
using Portal.Integration.Accounts;
using Portal.Integration.Documents;
using Portal.Integration.GeoJson;
using Portal.Integration.Persistence;

namespace Portal.Features.Demo;

/// <summary>
/// Demo mode: about thirty applications in Arnhem over the last ten weeks, in every status, so an
/// officer sees a realistic queue: an overdue one, one waiting for information, an extended term,
/// a grouped pair, a duplicate address, and referred, approved (each on a spot created for it),
/// rejected and withdrawn ones. The residents are invented; the addresses are real streets and
/// postcodes of demo charge locations with invented house numbers, a little away from the charge
/// point. Every step goes through the aggregate and the real pre-assessment. Seeds only into an
/// empty application table, so it runs once.
/// </summary>
internal sealed class DemoApplications(
    PortalDbContext db,
    UserManager<PortalUser> users,
    PreAssessmentInputs inputs,
    ApplicationPolicySource policies,
    MapIndexCache maps,
    DocumentStore documents,
    IWebHostEnvironment environment,
    TimeProvider clock,
    ILogger<DemoApplications> logger)
{
    public const string DemoResident = "bewoner@demo.example";
    public const string DemoOfficer = "ambtenaar@demo.example";

    /// <summary>Invented residents (e-mail, name); the demo resident joins them.</summary>
    public static readonly (string Email, string Name)[] Residents =
    [
        ("fatima.elamrani@demo.example", "Fatima el Amrani"),
        ("jeroen.bakker@demo.example", "Jeroen Bakker"),
        ("sanne.degroot@demo.example", "Sanne de Groot"),
        ("mehmet.yilmaz@demo.example", "Mehmet Yılmaz"),
        ("linda.jansen@demo.example", "Linda Jansen"),
        ("pieter.vandijk@demo.example", "Pieter van Dijk"),
        ("noor.visser@demo.example", "Noor Visser"),
    ];

    private enum Plan { Submitted, Assigned, Waiting, Answered, Extended, Approved, Referred, Rejected, Withdrawn }

    /// <summary>Days since submission, resident (0 = the demo resident), what happens, metres from the charge location; Like = index of the scenario it shares an address (duplicate) or street (group) with.</summary>
    private sealed record Scenario(int DaysAgo, int Resident, Plan Plan, double OffsetMetres, int? DuplicateOf = null, int? GroupWith = null, bool PrivateParking = false);

    private static readonly Scenario[] Scenarios =
    [
        new(68, 1, Plan.Assigned, 150),        // overdue: eight weeks passed without a decision
        new(66, 2, Plan.Rejected, 150, PrivateParking: true),
        new(63, 3, Plan.Approved, 320),
        new(60, 0, Plan.Approved, 330),
        new(58, 4, Plan.Referred, 70),
        new(55, 5, Plan.Withdrawn, 150),
        new(52, 6, Plan.Extended, 160),
        new(51, 7, Plan.Assigned, 170),        // deadline within a week
        new(47, 1, Plan.Rejected, 90),
        new(45, 2, Plan.Answered, 150),
        new(42, 3, Plan.Waiting, 150),
        new(40, 0, Plan.Waiting, 140),
        new(38, 4, Plan.Referred, 60),
        new(35, 5, Plan.Approved, 340),
        new(33, 6, Plan.Rejected, 100),
        new(30, 7, Plan.Assigned, 150),
        new(28, 1, Plan.Assigned, 300),        // grouped with the next one
        new(27, 2, Plan.Submitted, 300, GroupWith: 16),
        new(25, 3, Plan.Assigned, 150),        // the same address as the next one
        new(24, 4, Plan.Submitted, 150, DuplicateOf: 18),
        new(21, 5, Plan.Withdrawn, 150),
        new(19, 6, Plan.Answered, 150),
        new(16, 7, Plan.Referred, 80),
        new(14, 0, Plan.Submitted, 150),
        new(12, 1, Plan.Submitted, 200),
        new(9, 2, Plan.Assigned, 150),
        new(7, 3, Plan.Submitted, 250),
        new(5, 4, Plan.Submitted, 150),
        new(3, 5, Plan.Submitted, 150),
        new(1, 6, Plan.Submitted, 150),
    ];

    public async Task SeedAsync(Guid municipalityId, string password, CancellationToken ct = default)
    {
        if (await db.Applications.AnyAsync(ct))
            return;
        var officerUser = await users.FindByEmailAsync(DemoOfficer);
        if (officerUser is null)
            return;
        var officer = new ApplicationActor(officerUser.Id, officerUser.DisplayName);
        var residents = new List<ApplicationActor>();
        var demoResident = await users.FindByEmailAsync(DemoResident);
        residents.Add(demoResident is null ? await EnsureResidentAsync("demo.bewoner@demo.example", "Bea Bewoner", password) : new(demoResident.Id, demoResident.DisplayName));
        foreach (var (email, name) in Residents)
            residents.Add(await EnsureResidentAsync(email, name, password));

        var places = await PlacesAsync(municipalityId, ct);
        if (places.Count < Scenarios.Length)
            return;
        var policy = await policies.GetAsync(municipalityId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var seeded = new List<(Application Application, Scenario Scenario, PreAssessmentResult Result)>();

        for (var i = 0; i < Scenarios.Length; i++)
        {
            var scenario = Scenarios[i];
            var place = scenario.DuplicateOf is { } same ? PlaceOf(seeded[same].Application)
                : scenario.GroupWith is { } group ? Neighbour(seeded[group].Application, 110, i)
                : Offset(places[i], scenario.OffsetMetres, i);
            var resident = residents[scenario.Resident % residents.Count];
            var submitted = now.Date.AddDays(-scenario.DaysAgo).AddHours(8 + (i % 10)).AddMinutes(7 * i);
            var created = submitted.AddDays(-1 - (i % 3));

            var application = Application.StartDraft(ApplicationReference.Create(submitted.Year, RandomNumberGenerator.GetBytes(ApplicationReference.RandomLength)),
                municipalityId, resident, place, created);
            if (i % 5 == 4)
                application.SetCar(null, DateOnly.FromDateTime(created).AddDays(30 + i), DateOnly.FromDateTime(created), created);
            else
                application.SetCar(DutchLicencePlate.Parse(Plate(i)), null, DateOnly.FromDateTime(created), created);
            var kind = i % 5 == 4 ? DocumentKind.PurchaseContract : i % 3 == 0 ? DocumentKind.LeaseContract : DocumentKind.RegistrationCertificate;
            var key = await WriteDocumentAsync(ct);
            application.AddDocument(kind, kind == DocumentKind.RegistrationCertificate ? "kentekenbewijs.pdf" : "contract.pdf", "application/pdf", DemoPdf.Length, key, resident, created);
            application.SetDeclarations(scenario.PrivateParking, i % 4 == 0 ? string.Create(CultureInfo.InvariantCulture, $"AV{1000 + (i * 37)}") : null, created);
            application.GiveConsent(created);
            db.Applications.Add(application);

            var result = PreAssessment.Run(await inputs.ForAsync(application, policy, ct), policy.Eligibility);
            application.Submit(resident, result, submitted);
            await db.SaveChangesAsync(ct);
            seeded.Add((application, scenario, result));
        }

        foreach (var (application, scenario, result) in seeded)
            await PlayAsync(application, scenario, result, officer, residents[scenario.Resident % residents.Count], policy, municipalityId, now);
        await db.SaveChangesAsync(ct);

        // Assess the open ones again, as an officer would after the queue filled up: a group then shows on both sides.
        foreach (var (application, _, _) in seeded.Where(s => s.Application.IsOpen))
            application.RecordPreAssessment(PreAssessment.Run(await inputs.ForAsync(application, policy, ct), policy.Eligibility), now);
        await db.SaveChangesAsync(ct);

        maps.InvalidateApplications(municipalityId);
        maps.InvalidateSpots(municipalityId);
        logger.LogInformation("Demo: seeded {Count} applications for {Residents} residents", seeded.Count, residents.Count);
    }

    private async Task PlayAsync(Application application, Scenario scenario, PreAssessmentResult result, ApplicationActor officer, ApplicationActor resident,
        ApplicationPolicy policy, Guid municipalityId, DateTime now)
    {
        var submitted = application.SubmittedAtUtc!.Value;
        DateTime At(int days, int hours = 2) => Min(submitted.AddDays(days).AddHours(hours), now.AddMinutes(-5));
        switch (scenario.Plan)
        {
            case Plan.Submitted:
                return;
            case Plan.Withdrawn:
                application.Withdraw(resident, "Ik ben verhuisd naar een huis met een eigen oprit.", At(6));
                return;
        }
        application.AssignTo(officer, officer, At(2));
        switch (scenario.Plan)
        {
            case Plan.Waiting:
                application.AskForInformation(officer, "Wilt u het kentekenbewijs of het leasecontract meesturen waarop uw naam staat?", At(5));
                break;
            case Plan.Answered:
                application.AskForInformation(officer, "Heeft u een parkeervergunning voor uw straat? Stuur dan het vergunningnummer mee.", At(4));
                application.AnswerInformation(resident, "Ja, vergunningnummer AV2291 voor de zone Centrum.", At(9));
                break;
            case Plan.Extended:
                application.ExtendDeadline(officer, policy.Deadline, At(40));
                break;
            case Plan.Approved:
            {
                var decided = At(20);
                var spot = Spot.Create(municipalityId, application.Point,
                    new SpotDetails(DecisionService.AddressOf(application), 2, SpotSetUp.OnPavement, null, null, null, $"Aanvraag {application.Reference}"),
                    new SpotActor(officer.UserId, officer.Name), decided);
                db.Spots.Add(spot);
                application.Approve(officer, spot.Id, "Wij plaatsen een openbare laadpaal bij uw adres. De exploitant neemt contact met u op over de planning.", decided);
                break;
            }
            case Plan.Referred:
                if (result.Eligibility.Nearest.FirstOrDefault() is { } nearest)
                    application.ReferTo(officer, nearest.Id, string.Create(CultureInfo.InvariantCulture,
                        $"Op {Math.Round(nearest.DistanceMetres)} meter van uw adres staat een openbare laadpaal ({nearest.Label}) die nog ruimte heeft. Op de kaart bij uw aanvraag ziet u waar."), At(15));
                break;
            case Plan.Rejected:
                application.Reject(officer, scenario.PrivateParking
                    ? "U heeft een eigen parkeerplaats of oprit. Een openbare laadpaal is bedoeld voor bewoners zonder eigen parkeerplaats."
                    : "Binnen de beleidsafstand van uw adres staat al een openbare laadpaal die niet vaak bezet is. Daarom plaatsen wij geen extra laadpaal.", At(12));
                break;
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private async Task<ApplicationActor> EnsureResidentAsync(string email, string name, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo resident {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, PortalRoles.Resident);
        }
        return new ApplicationActor(user.Id, user.DisplayName);
    }

    private sealed record DemoPlace(string Street, string Postcode, int HouseNumber, Coordinate Point);

    /// <summary>Demo charge locations spread over the city, with a street and a real postcode.</summary>
    private async Task<List<DemoPlace>> PlacesAsync(Guid municipalityId, CancellationToken ct)
    {
        var locations = await db.ChargeLocations.AsNoTracking()
            .Where(l => l.MunicipalityId == municipalityId && l.PostalCode != null && l.IsPublic && !l.IsPlanned)
            .OrderBy(l => l.SourceId)
            .Select(l => new { l.Address, l.PostalCode, l.Latitude, l.Longitude, l.RdX, l.RdY })
            .ToListAsync(ct);
        var places = new List<DemoPlace>();
        var step = Math.Max(1, locations.Count / (Scenarios.Length + 5));
        for (var i = 0; i < locations.Count && places.Count < Scenarios.Length; i += step)
        {
            var l = locations[i];
            var street = new string(l.Address.TakeWhile(c => !char.IsAsciiDigit(c)).ToArray()).Trim().TrimEnd(',');
            var postcode = (l.PostalCode ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            if (street.Length is < 3 or > Application.MaxStreetLength || postcode.Length != 6)
                continue;
            try
            {
                ApplicationAddress.Create(postcode, "1");
            }
            catch (Domain.Common.DomainRuleViolated)
            {
                continue;
            }
            places.Add(new DemoPlace(street, postcode, 3 + (places.Count * 7 % 90), Coordinate.FromStored(l.Latitude, l.Longitude, l.RdX, l.RdY)));
        }
        return places;
    }

    private ApplicationPlace Offset(DemoPlace place, double metres, int turn)
    {
        // Rotate the direction so the demo points do not all lie north of their charge point.
        var (dx, dy) = (turn % 4) switch { 0 => (0.0, metres), 1 => (metres, 0.0), 2 => (0.0, -metres), _ => (-metres, 0.0) };
        var point = Coordinate.FromRd(place.Point.X + dx, place.Point.Y + dy);
        return new ApplicationPlace(ApplicationAddress.Create(place.Postcode, place.HouseNumber.ToString(CultureInfo.InvariantCulture)),
            place.Street, "Arnhem", DistrictOf(point), point, PointAdjusted: false);
    }

    private ApplicationPlace Neighbour(Application other, double metres, int turn)
    {
        var point = Coordinate.FromRd(other.RdX + (turn % 2 == 0 ? metres : -metres), other.RdY);
        return new ApplicationPlace(ApplicationAddress.Create(other.Postcode, (other.HouseNumber!.Value + 14).ToString(CultureInfo.InvariantCulture)),
            other.Street, other.City, DistrictOf(point), point, PointAdjusted: false);
    }

    private static ApplicationPlace PlaceOf(Application other) =>
        new(other.Address, other.Street, other.City, other.District, other.Point, other.PointAdjusted);

    private List<(string Name, Geometry Area)>? _districts;

    private string? DistrictOf(Coordinate point)
    {
        if (_districts is null)
        {
            using var file = File.OpenRead(Path.Combine(environment.ContentRootPath, "Features", "Demo", "Data", "districts-arnhem.geojson"));
            _districts = GeoJsonReader.Read(file).Features
                .Where(f => f.Properties.TryGetValue("wijk_name", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String)
                .Select(f => (f.Properties["wijk_name"].GetString()!, f.Geometry))
                .ToList();
        }
        var location = new Point(point.Longitude, point.Latitude);
        return _districts.FirstOrDefault(d => d.Area.Covers(location)).Name;
    }

    private static string Plate(int i)
    {
        const string letters = "BDFGHJKLNPRSTXZ";
        var a = letters[i % letters.Length];
        var b = letters[(i * 7 + 3) % letters.Length];
        var c = letters[(i * 11 + 5) % letters.Length];
        return string.Create(CultureInfo.InvariantCulture, $"{10 + (i * 3 % 89)}-{a}{b}{c}-{i % 10}");
    }

    /// <summary>A placeholder proof file, kept by the document store like an upload, so the officer's link opens something.</summary>
    private async Task<string> WriteDocumentAsync(CancellationToken ct)
    {
        using var content = new MemoryStream(DemoPdf);
        return (await documents.SaveAsync(content, DemoPdf.Length, ct)).Key;
    }

    private static readonly byte[] DemoPdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
        "4 0 obj<</Length 58>>stream\nBT /F1 18 Tf 72 760 Td (Demobestand - geen echt document) Tj ET\nendstream endobj\n" +
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
