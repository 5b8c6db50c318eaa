using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Eligibility;
using Portal.Domain.Geography;
using Portal.Domain.Municipalities;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Applications;

/// <summary>
/// Applications made straight through the aggregate and the database, as the resident's pages
/// would leave them; the officer's side is then tested over HTTP.
/// </summary>
internal static class OfficerTestData
{
    public static readonly DateTime Now = DateTime.UtcNow;

    // Sonsbeek park in Arnhem: more than 250 m from every demo charge point.
    public const double ParkLatitude = 51.99400, ParkLongitude = 5.90100;

    public static async Task<Guid> ArnhemAsync(PortalAppFactory app)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var code = MunicipalityCode.Parse("GM0202");
        return await db.Municipalities.Where(m => m.Code == code).Select(m => m.Id).SingleAsync();
    }

    public static async Task<Guid> MunicipalityAsync(PortalAppFactory app, string code, string name)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var parsed = MunicipalityCode.Parse(code);
        if (await db.Municipalities.Where(m => m.Code == parsed).Select(m => (Guid?)m.Id).SingleOrDefaultAsync() is { } id)
            return id;
        var municipality = Municipality.Register(parsed, name, DateTime.UtcNow);
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        return municipality.Id;
    }

    public static async Task<ApplicationActor> UserAsync(PortalAppFactory app, string email, string name, string role, Guid? municipalityId = null)
    {
        using var scope = app.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAtUtc = DateTime.UtcNow,
                Memberships = municipalityId is { } m ? [new OfficerMembership { MunicipalityId = m }] : [],
            };
            Assert.True((await users.CreateAsync(user, PortalAppFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, role);
        }
        return new ApplicationActor(user.Id, user.DisplayName);
    }

    public static Task<ApplicationActor> ResidentAsync(PortalAppFactory app, string email, string name = "Ria Aanvrager") =>
        UserAsync(app, email, name, PortalRoles.Resident);

    /// <summary>A submitted application with a favourable pre-assessment; <paramref name="prepare"/> runs officer steps on it before it is saved.</summary>
    public static async Task<Application> SubmitAsync(
        PortalAppFactory app,
        ApplicationActor resident,
        Guid municipalityId,
        string? district,
        DateTime submittedAtUtc,
        double latitude = ParkLatitude,
        double longitude = ParkLongitude,
        int houseNumber = 1,
        string postcode = "6814AA",
        Action<Application>? prepare = null,
        string? documentKey = null,
        string plate = "12-ABC-3")
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var point = Coordinate.FromWgs84(latitude, longitude);
        var address = ApplicationAddress.Create(postcode, houseNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var created = submittedAtUtc.AddHours(-1);
        var application = Application.StartDraft(
            ApplicationReference.Create(created.Year, System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)),
            municipalityId, resident, new ApplicationPlace(address, "Zijpendaalseweg", "Arnhem", district, point, false), created);
        application.SetCar(DutchLicencePlate.Parse(plate), null, DateOnly.FromDateTime(created), created);
        application.AddDocument(DocumentKind.RegistrationCertificate, "kenteken.pdf", "application/pdf", 1000, documentKey ?? $"test-{Guid.NewGuid():N}", resident, created);
        application.SetDeclarations(false, null, created);
        application.GiveConsent(created);
        var favourable = PreAssessment.Run(new PreAssessmentInput(application.Id, point, address, application.Declarations, [], [], []), new EligibilityPolicy());
        application.Submit(resident, favourable, submittedAtUtc);
        prepare?.Invoke(application);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }

    /// <summary>A draft with only its address, as the first step leaves it.</summary>
    public static async Task<Application> DraftAsync(PortalAppFactory app, ApplicationActor resident, Guid municipalityId, int houseNumber = 1, string postcode = "6814AA")
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var address = ApplicationAddress.Create(postcode, houseNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var application = Application.StartDraft(
            ApplicationReference.Create(Now.Year, System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)),
            municipalityId, resident, new ApplicationPlace(address, "Zijpendaalseweg", "Arnhem", "Centrum", Coordinate.FromWgs84(ParkLatitude, ParkLongitude), false), Now);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }

    /// <summary>The signed-in user as a fresh log-in makes them (roles, security stamp), for calling a service directly.</summary>
    public static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(PortalAppFactory app, string email)
    {
        using var scope = app.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
    }

    public static async Task<T> ReadAsync<T>(PortalAppFactory app, Func<PortalDbContext, Task<T>> read)
    {
        using var scope = app.App.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<Application> LoadAsync(PortalAppFactory app, Guid id) =>
        ReadAsync(app, db => db.Applications.AsNoTracking().Include(a => a.History).Include(a => a.InformationRequests).Include(a => a.Documents).SingleAsync(a => a.Id == id));
}
