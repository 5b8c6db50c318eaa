using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Features.Contracts;
using Portal.Integration.Persistence;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts;

/// <summary>The people and tenants the contract tests need, all made through the portal's own services.</summary>
internal static class ContractTestSetup
{
    public const string DemoOperator = "Vattenfall InCharge";
    public const string EdeOfficer = "ambtenaar@ede.example";
    public const string RenkumOfficer = "ambtenaar@renkum.example";
    public const string OtherCpo = "cpo@andere-operator.example";

    public static DateOnly Today => DutchCalendar.Day(DateTime.UtcNow);

    public static string Typed(DateOnly day) => day.ToString("d-M-yyyy", CultureInfo.InvariantCulture);

    public static Task<Guid> RenkumAsync(PortalAppFactory app) => OfficerTestData.MunicipalityAsync(app, "GM0274", "Renkum");

    public static Task<Guid> EdeAsync(PortalAppFactory app) => OfficerTestData.MunicipalityAsync(app, "GM0228", "Ede");

    public static async Task<Guid> DemoOperatorAsync(PortalAppFactory app)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Operators.Where(o => o.Name == DemoOperator).Select(o => o.Id).SingleAsync();
    }

    /// <summary>An officer of Renkum (a member of the regional contract, not its lead), an officer of Ede (not a member) and a CPO user of another operator.</summary>
    public static async Task OutsidersAsync(PortalAppFactory app)
    {
        await OfficerTestData.UserAsync(app, RenkumOfficer, "Rik Renkum", PortalRoles.Officer, await RenkumAsync(app));
        await OfficerTestData.UserAsync(app, EdeOfficer, "Eva Ede", PortalRoles.Officer, await EdeAsync(app));
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var other = await db.Operators.Where(o => o.Name == "Andere Laadoperator").Select(o => (Guid?)o.Id).SingleOrDefaultAsync()
            ?? await app.RegisterOperatorAsync("Andere Laadoperator");
        if (!await db.Users.AnyAsync(u => u.Email == OtherCpo))
            await app.CreateStaffAsync("Otto Operator", OtherCpo, PortalRoles.CpoUser, DateTime.UtcNow, other);
    }

    /// <summary>A regional concession of Arnhem (lead) and Renkum with the demo operator, recorded by Arnhem's demo officer; its first version started 30 days ago.</summary>
    public static async Task<Guid> RegionalConcessionAsync(PortalAppFactory app, string reference)
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var form = new NewContractForm
        {
            Kind = ContractKind.Concession,
            OperatorId = await DemoOperatorAsync(app),
            MunicipalityIds = [arnhem, await RenkumAsync(app)],
            LeadMunicipalityId = arnhem,
            Reference = reference,
            LotName = "Perceel Arnhem-Renkum",
            ApplicationsHandledBy = ApplicationsHandledBy.Operator,
            Period = new PeriodForm
            {
                StartsOn = Today.AddDays(-30).ToDateTime(TimeOnly.MinValue),
                EndsOn = Today.AddYears(8).ToDateTime(TimeOnly.MinValue),
                PointsPromised = 400,
            },
        };
        var step = await app.CallAsync<ContractService, ContractStep>(DemoAccounts.Officer, (s, u) => s.CreateAsync(u, form));
        Assert.Null(step.Problem);
        return step.Id!.Value;
    }

    public static Task<T> AsAsync<T>(this PortalAppFactory app, string email, Func<ContractService, ClaimsPrincipal, Task<T>> call) =>
        app.CallAsync(email, call);

    public static Task<T> QueryAsAsync<T>(this PortalAppFactory app, string email, Func<ContractQueries, ClaimsPrincipal, Task<T>> call) =>
        app.CallAsync(email, call);
}
