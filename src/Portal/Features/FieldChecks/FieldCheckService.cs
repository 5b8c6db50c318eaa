using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Audits.FieldChecks;
using Portal.Domain.Common;
using Portal.Domain.Contracts.Evidence;
using Portal.Features.Contracts;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.FieldChecks;

/// <summary>What a scope choice in the draw dialog means: a municipality of the officer, and optionally one of its contracts.</summary>
internal sealed record FieldCheckScopeChoice(Guid MunicipalityId, string MunicipalityName, Guid? ContractId, string? ContractReference);

/// <summary>The strata a draw would give, before the officer confirms it (or the problem that stops it).</summary>
internal sealed record FieldCheckPreview(int PopulationSize, IReadOnlyList<StratumAllocation> Strata, string? Problem);

/// <summary>The outcome of a step: the sample's id, or the problem in the reader's language.</summary>
internal sealed record FieldCheckStep(Guid? Id, string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// The officer's steps on field checks: preview and draw a sample, fill in a checklist item, add a photo, complete a
/// checklist (its failed items become contract findings, each once). Only officers of the sample's municipality;
/// anyone else is refused with <see cref="UnauthorizedAccessException"/>. A broken rule comes back as the problem.
/// </summary>
internal sealed class FieldCheckService(
    PortalDbContext db,
    FieldCheckAccess access,
    FieldCheckPopulationReader population,
    ContractFileUpload files,
    UserManager<PortalUser> users,
    TimeProvider clock,
    IStringLocalizer<Texts> T)
{
    /// <summary>A seed for a draw where the officer typed none: 53 random bits, so it reads and types as an ordinary number.</summary>
    public static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 11;

    /// <summary>The officer's municipalities, each alone and with each of its signed contracts.</summary>
    public async Task<IReadOnlyList<FieldCheckScopeChoice>> ScopesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => viewer.Municipalities.Contains(m.Id)).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.Municipalities.Any(m => viewer.Municipalities.Contains(m.MunicipalityId)) && c.Versions.Any(v => v.SignedOn != null))
            .Select(c => new { c.Id, c.Reference, Members = c.Municipalities.Select(m => m.MunicipalityId).ToList() }).ToListAsync(ct);
        return municipalities.SelectMany(m => contracts.Where(c => c.Members.Contains(m.Id)).OrderBy(c => c.Reference)
                .Select(c => new FieldCheckScopeChoice(m.Id, m.Name, c.Id, c.Reference))
                .Prepend(new FieldCheckScopeChoice(m.Id, m.Name, null, null)))
            .ToList();
    }

    public async Task<FieldCheckPreview> PreviewAsync(ClaimsPrincipal user, FieldCheckScope scope, int size, ulong seed, CancellationToken ct = default)
    {
        await CheckScopeAsync(user, scope, ct);
        var units = await population.ReadAsync(scope, ct);
        try
        {
            var drawn = StratifiedSampling.Draw(units.Units, size, seed);
            return new FieldCheckPreview(drawn.PopulationSize, drawn.Strata, units.Units.Count == 0 ? T["Rule.FieldCheckPopulationEmpty"].Value : null);
        }
        catch (DomainRuleViolated e)
        {
            return new FieldCheckPreview(units.Units.Count, [], RuleMessages.Text(T, e));
        }
    }

    public async Task<FieldCheckStep> DrawAsync(ClaimsPrincipal user, FieldCheckScope scope, int size, ulong seed, CancellationToken ct = default)
    {
        await CheckScopeAsync(user, scope, ct);
        var actor = await ActorAsync(user);
        var units = await population.ReadAsync(scope, ct);
        try
        {
            var sample = FieldCheckSample.Record(scope, StratifiedSampling.Draw(units.Units, size, seed), units.Details, actor, clock.GetUtcNow().UtcDateTime);
            db.Add(sample);
            await db.SaveChangesAsync(ct);
            return new FieldCheckStep(sample.Id, null);
        }
        catch (DomainRuleViolated e)
        {
            return new FieldCheckStep(null, RuleMessages.Text(T, e));
        }
    }

    public Task<FieldCheckStep> FillAsync(ClaimsPrincipal user, Guid sampleId, int position, int itemNumber, FieldCheckResult result, string? note, CancellationToken ct = default) =>
        ChangeAsync(user, sampleId, position, (sample, actor, now) =>
        {
            sample.Fill(position, itemNumber, result, note, actor, now);
            return Task.CompletedTask;
        }, ct);

    public async Task<FieldCheckStep> AddPhotoAsync(ClaimsPrincipal user, Guid sampleId, int position, int? itemNumber, string fileName, Stream content, CancellationToken ct = default)
    {
        var (sample, actor) = await OpenAsync(user, sampleId, position, ct);
        var (_, problem) = await files.StoreAsync(content, FieldCheckPhoto.MaxSizeBytes, async stored =>
        {
            var photo = sample.AddPhoto(position, itemNumber, new FieldCheckFile(fileName, stored.ContentType, stored.SizeBytes, stored.Key), actor, clock.GetUtcNow().UtcDateTime);
            db.Add(photo);   // its id is set by the Domain, so EF would take it for an existing row
            await db.SaveChangesAsync(ct);
            return photo.Id;
        }, ct);
        return new FieldCheckStep(sampleId, problem);
    }

    /// <summary>Completes the checklist and records a finding per failed item (each once, whatever was found before).</summary>
    public Task<FieldCheckStep> CompleteAsync(ClaimsPrincipal user, Guid sampleId, int position, CancellationToken ct = default) =>
        ChangeAsync(user, sampleId, position, async (sample, actor, now) =>
        {
            var findings = sample.Complete(position, actor, DutchCalendar.Day(now), now);
            foreach (var finding in findings)
            {
                if (!await db.Set<ContractFinding>().AnyAsync(f => f.ContractId == finding.ContractId && f.DedupeKey == finding.DedupeKey, ct))
                    db.Add(finding);
            }
        }, ct);

    private async Task<FieldCheckStep> ChangeAsync(ClaimsPrincipal user, Guid sampleId, int position, Func<FieldCheckSample, FieldCheckActor, DateTime, Task> change, CancellationToken ct)
    {
        var (sample, actor) = await OpenAsync(user, sampleId, position, ct);
        try
        {
            await change(sample, actor, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return new FieldCheckStep(sampleId, null);
        }
        catch (DomainRuleViolated e)
        {
            return new FieldCheckStep(sampleId, RuleMessages.Text(T, e));
        }
    }

    /// <summary>The sample with the one location (its items and photos) when the person may fill it in.</summary>
    private async Task<(FieldCheckSample Sample, FieldCheckActor Actor)> OpenAsync(ClaimsPrincipal user, Guid sampleId, int position, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var sample = await db.Set<FieldCheckSample>()
            .Include(s => s.Locations.Where(l => l.Position == position)).ThenInclude(l => l.Items)
            .Include(s => s.Locations.Where(l => l.Position == position)).ThenInclude(l => l.Photos)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == sampleId, ct);
        if (sample is null || !viewer.CanFill(sample) || sample.Locations.Count == 0)
            throw new UnauthorizedAccessException("Not a field check this person may fill in.");
        return (sample, await ActorAsync(user));
    }

    private async Task CheckScopeAsync(ClaimsPrincipal user, FieldCheckScope scope, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(user, ct);
        if (!viewer.Municipalities.Contains(scope.MunicipalityId)
            || (scope.ContractId is { } contractId && !await db.Contracts.AnyAsync(c => c.Id == contractId && c.Municipalities.Any(m => m.MunicipalityId == scope.MunicipalityId), ct)))
            throw new UnauthorizedAccessException("Not a municipality or contract this person may draw a sample for.");
    }

    private async Task<FieldCheckActor> ActorAsync(ClaimsPrincipal user)
    {
        var person = await users.GetUserAsync(user) ?? throw new UnauthorizedAccessException("The account no longer exists.");
        return new FieldCheckActor(person.Id, person.DisplayName);
    }
}
