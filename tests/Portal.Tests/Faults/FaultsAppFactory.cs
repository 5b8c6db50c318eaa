using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Features.Contracts;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;
using Portal.Tests.ChargePoints;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Faults;

/// <summary>The portal with a fake clock (the spam guard's minimum time and the fault clocks read it) and what fault and maintenance tests need.</summary>
public sealed class FaultsAppFactory : PortalAppFactory
{
    public FakeClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Faults:MinimumSecondsToFillIn"] = "5",
        ["Faults:EmailRetentionDays"] = "30",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A charge location of the demo operator in Renkum with two EVSEs ("{sourceId}-1", "-2"). Renkum, because the demo's
    /// own concession covers Arnhem: in Renkum only <see cref="SignedContractAsync"/> covers it.
    /// </summary>
    internal async Task<Guid> DemoOperatorLocationAsync(string sourceId, string address)
    {
        var renkum = await ContractTestSetup.RenkumAsync(this);
        var id = await this.LocationAsync(renkum, sourceId, address, ContractTestSetup.DemoOperator, LocationStatus.Available, true, 11_000, null, EvseStatus.Available, EvseStatus.Available);
        var operatorId = await ContractTestSetup.DemoOperatorAsync(this);
        await WriteAsync(async db =>
        {
            var location = await db.ChargeLocations.SingleAsync(l => l.Id == id);
            location.LinkOperator(operatorId);
        });
        return id;
    }

    /// <summary>
    /// A concession of Renkum with the demo operator, recorded by Renkum's officer (<see cref="ContractTestSetup.OutsidersAsync"/>
    /// makes them), signed, in force since 45 days (so on any day it covers the whole of the month before), answering faults within 4 hours and repairing within 48,
    /// with <paramref name="penalty"/> when given.
    /// </summary>
    internal async Task<Guid> SignedContractAsync(string reference, (ContractTerm Term, decimal Amount, string Rule)? penalty = null)
    {
        var today = DutchCalendar.Day(Now);
        var renkum = await ContractTestSetup.RenkumAsync(this);
        var form = new NewContractForm
        {
            Kind = ContractKind.Concession,
            OperatorId = await ContractTestSetup.DemoOperatorAsync(this),
            MunicipalityIds = [renkum],
            LeadMunicipalityId = renkum,
            Reference = reference,
            ApplicationsHandledBy = ApplicationsHandledBy.Operator,
            Period = new PeriodForm { StartsOn = today.AddDays(-45).ToDateTime(TimeOnly.MinValue), EndsOn = today.AddYears(8).ToDateTime(TimeOnly.MinValue) },
        };
        var created = await this.CallAsync(ContractTestSetup.RenkumOfficer, (ContractService s, System.Security.Claims.ClaimsPrincipal u) => s.CreateAsync(u, form));
        Assert.Null(created.Problem);
        var id = created.Id!.Value;
        var contract = (await this.CallAsync(ContractTestSetup.RenkumOfficer, (ContractService s, System.Security.Claims.ClaimsPrincipal u) => s.FindAsync(u, id)))!;
        var version = contract.Versions.Single();
        Assert.Null((await this.CallAsync(ContractTestSetup.RenkumOfficer, (ContractService s, System.Security.Claims.ClaimsPrincipal u) =>
            s.ChangeTermsAsync(u, id, version.Id, version.Terms with { MaxResponseHours = 4m, MaxRepairHours = 48m }))).Problem);
        if (penalty is { } p)
            Assert.Null((await this.CallAsync(ContractTestSetup.RenkumOfficer, (ContractService s, System.Security.Claims.ClaimsPrincipal u) =>
                s.AddPenaltyAsync(u, id, version.Id, p.Term, p.Amount, p.Rule))).Problem);
        Assert.Null((await this.CallAsync(ContractTestSetup.RenkumOfficer, (ContractService s, System.Security.Claims.ClaimsPrincipal u) =>
            s.SignAsync(u, id, version.Id, today.AddDays(-46), "Wethouder"))).Problem);
        return id;
    }

    /// <summary>The OCPI Location JSON the portal holds for the location, as a CPO's push would leave it.</summary>
    internal async Task SnapshotAsync(string sourceId, string rawJson)
    {
        await WriteAsync(async db =>
        {
            var connection = await db.OcpiConnections.FirstOrDefaultAsync(c => c.Name == "Storingstest")
                ?? db.OcpiConnections.Add(OcpiConnection.RegisterCpo("NL", "TST", "Storingstest", new string('a', 64), Now)).Entity;
            var snapshot = OcpiLocationSnapshot.Create(sourceId, connection.Id);
            snapshot.Replace(rawJson, Now, Now);
            db.OcpiLocationSnapshots.Add(snapshot);
        });
    }

    internal async Task WriteAsync(Func<PortalDbContext, Task> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    internal async Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
