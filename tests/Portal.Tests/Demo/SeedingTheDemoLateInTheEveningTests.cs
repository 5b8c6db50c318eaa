using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Features.Demo;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Demo;

/// <summary>
/// The portal started at 23:30 UTC, when it is already the next day in the Netherlands: the demo counts its days
/// on Dutch clocks, so nothing it records lands on a later Dutch day than the one it was done on.
/// </summary>
public sealed class SeedingTheDemoLateInTheEveningTests(SeedingTheDemoLateInTheEveningTests.LateEveningApp app)
    : IClassFixture<SeedingTheDemoLateInTheEveningTests.LateEveningApp>
{
    public sealed class LateEveningApp : PortalAppFactory
    {
        /// <summary>The last 23:30 UTC before now: 00:30 or 01:30 on the next Dutch day.</summary>
        public static DateTimeOffset LastLateEvening()
        {
            var now = DateTimeOffset.UtcNow;
            var evening = new DateTimeOffset(now.Date.AddHours(23).AddMinutes(30), TimeSpan.Zero);
            return evening <= now ? evening : evening.AddDays(-1);
        }

        public FakeClock Clock { get; } = new(LastLateEvening());

        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    [Fact]
    public async Task TheContractAndTheInstallationCases_AreSeeded_WithNoDayAfterTheDutchDayTheyWereRecordedOn()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(DateOnly.FromDateTime(now).AddDays(1), DutchCalendar.Day(now));

        var contract = await QueryAsync(db => db.Contracts.Include(c => c.Versions).SingleAsync(c => c.Reference == DemoContract.Reference));
        var version = Assert.Single(contract.Versions);
        Assert.True(version.IsSigned);
        Assert.True(version.SignedOn <= DutchCalendar.Day(version.SignedAtUtc!.Value));
        // Signed the day before the concession starts, 420 Dutch days before the day the demo was made.
        Assert.Equal(DutchCalendar.Day(now).AddDays(-421), version.SignedOn);

        var cases = await QueryAsync(db => db.InstallationCases.Where(c => c.ContractId == contract.Id).ToListAsync());
        Assert.Equal(4, cases.Count);
        Assert.All(cases, c => Assert.True(c.OpenedOn <= DutchCalendar.Day(now)));
    }
}
