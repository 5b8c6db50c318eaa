using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audits.FieldChecks;
using Portal.Domain.Common;
using Portal.Features.FieldChecks;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Demo;

/// <summary>
/// Demo mode: a field audit sample of 8 locations over the demo concession, drawn by the demo officer three days ago
/// with the recorded seed <see cref="Seed"/>, and the checklist of its first location completed the next day with one
/// failed item (so the contract shows a field-check finding). Seeds once: any sample in the municipality is the mark.
/// </summary>
internal sealed class DemoFieldCheck(PortalDbContext db, UserManager<PortalUser> users, FieldCheckPopulationReader population, TimeProvider clock, ILogger<DemoFieldCheck> logger)
{
    public const ulong Seed = 20250601;
    public const int Size = 8;

    public async Task SeedAsync(Guid municipalityId, CancellationToken ct = default)
    {
        if (await db.Set<FieldCheckSample>().AnyAsync(s => s.MunicipalityId == municipalityId, ct))
            return;
        var contractId = await db.Contracts.Where(c => c.Reference == DemoContract.Reference).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        var person = await users.FindByEmailAsync(DemoApplications.DemoOfficer);
        if (contractId is null || person is null)
            return;
        var officer = new FieldCheckActor(person.Id, person.DisplayName);
        var scope = new FieldCheckScope(municipalityId, contractId);
        var units = await population.ReadAsync(scope, ct);
        if (units.Units.Count == 0)
            return;
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var sample = FieldCheckSample.Record(scope, StratifiedSampling.Draw(units.Units, Size, Seed), units.Details, officer, DutchCalendar.Utc(today.AddDays(-3), new TimeOnly(9, 0)));
        db.Add(sample);
        await db.SaveChangesAsync(ct);

        var checkedAt = DutchCalendar.Utc(today.AddDays(-2), new TimeOnly(10, 0));
        foreach (var item in sample.Locations.Single(l => l.Position == 1).Items)
        {
            var failed = item.Code == "G-4";
            sample.Fill(1, item.Number, failed ? FieldCheckResult.Fail : FieldCheckResult.Pass,
                failed ? "Sticker met storingsnummer en operator ontbreekt op de paal; klep van de rechter aansluiting sluit niet." : null, officer, checkedAt);
        }
        foreach (var finding in sample.Complete(1, officer, DutchCalendar.Day(checkedAt), checkedAt.AddMinutes(20)))
            db.Add(finding);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo: field check sample of {Count} locations, seed {Seed}", sample.Locations.Count, Seed);
    }
}
