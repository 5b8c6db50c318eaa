using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Spots;
using Portal.Features.Contracts;
using Portal.Features.Installations;
using Portal.Integration.Persistence;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;
using Portal.Tests.Ocpi;
using Portal.Tests.Spots;
using Portal.Tests.TrafficOrders;

namespace Portal.Tests.Installations.FollowUp;

/// <summary>What the follow-up tests need, all through the portal's own services and its OCPI interface.</summary>
internal static class FollowUpTestData
{
    public const string CommissioningCpo = "planner@laadnet-ingebruikname.example";
    public const string OtherCpo = "planner@ander-laadnet.example";

    /// <summary>Metres to degrees of latitude: 1° is about 111.32 km.</summary>
    public static double North(double metres) => metres / 111_320.0;

    /// <summary>A spot in Arnhem at 51.99 + <paramref name="offset"/>, 5.90, whose order was published 60 days ago and made final.</summary>
    public static async Task<Guid> ReadySpotAsync(PortalAppFactory app, string address, double offset)
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var spot = await app.NewSpotAsync(officer, address, status: SpotStatus.Approved, latitudeOffset: offset);
        await app.PublishedOrderAsync(officer, arnhem, "Installatie " + address, app.Today().AddDays(-60), spot);
        await app.OrdersAsync(s => s.MakeFinalWhereDueAsync());
        Assert.Equal(SpotStatus.ReadyForInstallation, await app.StatusOfAsync(spot));
        return spot;
    }

    public static DateOnly Today(this PortalAppFactory app) =>
        DutchCalendar.Day(app.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>An operator with an OCPI party and a CPO user; the operator's id.</summary>
    public static async Task<Guid> OperatorAsync(PortalAppFactory app, string name, string party, string userEmail)
    {
        var id = await OfficerTestData.ReadAsync(app, db => db.Operators.Where(o => o.Name == name).Select(o => (Guid?)o.Id).SingleOrDefaultAsync())
            ?? await app.RegisterOperatorAsync(name, party);
        if (!await OfficerTestData.ReadAsync(app, db => db.Users.AnyAsync(u => u.Email == userEmail)))
            await app.CreateStaffAsync("Planner " + name, userEmail, PortalRoles.CpoUser, DateTime.UtcNow, id);
        return id;
    }

    /// <summary>A case for the spot with this CPO (and contract), accepted by the CPO.</summary>
    public static async Task<Guid> AcceptedCaseAsync(PortalAppFactory app, Guid spot, Guid cpo, string cpoUser, Guid? contract = null)
    {
        var opened = await app.CallAsync<InstallationService, InstallationStepResult>(DemoAccounts.Officer, (s, u) => s.OpenAsync(u, spot, cpo, contract));
        Assert.Null(opened.Problem);
        var id = opened.CaseId!.Value;
        Assert.Null((await app.CallAsync<InstallationService, InstallationStepResult>(cpoUser, (s, u) => s.AcceptAsync(u, id, null))).Problem);
        return id;
    }

    /// <summary>A concession of Arnhem with this operator, started 30 days ago; its id.</summary>
    public static async Task<Guid> ConcessionAsync(PortalAppFactory app, Guid operatorId, string reference)
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var today = app.Today();
        var form = new NewContractForm
        {
            Kind = ContractKind.Concession,
            OperatorId = operatorId,
            MunicipalityIds = [arnhem],
            LeadMunicipalityId = arnhem,
            Reference = reference,
            LotName = "Perceel Arnhem",
            ApplicationsHandledBy = ApplicationsHandledBy.Operator,
            Period = new PeriodForm
            {
                StartsOn = today.AddDays(-30).ToDateTime(TimeOnly.MinValue),
                EndsOn = today.AddYears(8).ToDateTime(TimeOnly.MinValue),
                PointsPromised = 100,
            },
        };
        var step = await app.CallAsync<ContractService, ContractStep>(DemoAccounts.Officer, (s, u) => s.CreateAsync(u, form));
        Assert.Null(step.Problem);
        return step.Id!.Value;
    }

    /// <summary>
    /// The CPO with OCPI party <paramref name="country"/>*<paramref name="party"/> pushes location <paramref name="id"/> at this
    /// position, with EVSEs <paramref name="id"/>-1 in <paramref name="firstStatus"/> and <paramref name="id"/>-2 out of order.
    /// </summary>
    public static async Task PushLocationAsync(PortalAppFactory app, string country, string party, string id, string address, double latitude, double longitude, string firstStatus = "AVAILABLE")
    {
        using var cpo = await OcpiPartner.RegisterAsync(app, country, party);
        var location = OcpiPartner.Location(id, address);
        location["country_code"] = country;
        location["party_id"] = party;
        location["coordinates"] = new JsonObject
        {
            ["latitude"] = latitude.ToString("0.0000000", CultureInfo.InvariantCulture),
            ["longitude"] = longitude.ToString("0.0000000", CultureInfo.InvariantCulture),
        };
        location["last_updated"] = "2026-03-01T09:15:00Z";
        var evses = location["evses"]!.AsArray();
        for (var i = 0; i < evses.Count; i++)
        {
            evses[i]!["uid"] = $"{id}-{i + 1}";
            evses[i]!["evse_id"] = $"{country}*{party}*E{id.Replace("-", "", StringComparison.Ordinal)}{i + 1}";
            evses[i]!["status"] = i == 0 ? firstStatus : "OUTOFORDER";
        }
        var answer = await cpo.PutAsync($"/ocpi/2.2.1/locations/{country}/{party}/{id}", location);
        Assert.True(answer.StatusCode == 1000, $"The push was refused: {answer.StatusMessage}");
    }

    /// <summary>An application of this resident, approved by the demo officer for the spot.</summary>
    public static async Task<Application> ApprovedApplicationAsync(PortalAppFactory app, string residentEmail, Guid spot, int houseNumber)
    {
        var resident = await OfficerTestData.ResidentAsync(app, residentEmail);
        var officer = await OfficerTestData.UserAsync(app, DemoAccounts.Officer, "Demo Ambtenaar", PortalRoles.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var now = DateTime.UtcNow;
        return await OfficerTestData.SubmitAsync(app, resident, arnhem, "Centrum", now.AddDays(-90), houseNumber: houseNumber,
            prepare: a => a.Approve(officer, spot, "Er komt een laadpaal op de plek.", now.AddDays(-80)));
    }

    public static Task<T> ReadAsync<T>(PortalAppFactory app, Func<PortalDbContext, Task<T>> read) => OfficerTestData.ReadAsync(app, read);

    public static Task<T> AsAsync<TService, T>(this PortalAppFactory app, string email, Func<TService, ClaimsPrincipal, Task<T>> call) where TService : notnull =>
        app.CallAsync(email, call);
}
