using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Features.Applications;
using Portal.Integration.Accounts;
using Portal.Integration.Documents;
using Portal.Integration.Persistence;

namespace Portal.Features.Applying;

/// <summary>
/// What a resident does with their applications: fill in a draft step by step, attach proof,
/// submit (with the automatic pre-assessment), answer a question, withdraw. Every status change
/// is saved first and then mailed to the applicant.
/// </summary>
internal sealed class ResidentApplications(
    PortalDbContext db,
    ApplicationAccess access,
    ApplicationPolicySource policies,
    PreAssessmentInputs preAssessment,
    DocumentStore documents,
    ApplicationMailer mailer,
    UserManager<PortalUser> users,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today on Dutch calendars, for the "car expected on" date.</summary>
    public DateOnly Today => DateOnly.FromDateTime(DutchCalendar.DayOf(Now));

    public Task<Application?> FindAsync(ClaimsPrincipal resident, Guid id, CancellationToken ct = default) =>
        access.ForResidentAsync(resident, id, ct);

    public Task<ApplicationPolicy> PolicyAsync(Application application, CancellationToken ct = default) =>
        policies.GetAsync(application.MunicipalityId, ct);

    public async Task<IReadOnlyList<ResidentApplicationRow>> ListAsync(ClaimsPrincipal resident, CancellationToken ct = default)
    {
        if (users.GetUserId(resident) is not { } userId)
            return [];
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantUserId == userId)
            .Include(a => a.Documents)
            .OrderByDescending(a => a.UpdatedAtUtc)
            .ToListAsync(ct);
        return rows.Select(a => new ResidentApplicationRow(a.Id, a.Reference, a.Street, a.HouseNumber, a.HouseNumberAddition, a.City, a.Status,
            a.SubmittedAtUtc, a.UpdatedAtUtc, a.Status == ApplicationStatus.Draft ? ContinueAt(a) : null)).ToList();
    }

    /// <summary>The first step still to fill in, or the summary when everything is there.</summary>
    public static string ContinueAt(Application application) =>
        application.MissingSteps().FirstOrDefault() switch
        {
            ApplicationStep.Car => $"/aanvragen/{application.Id}/stap/auto",
            ApplicationStep.Proof => $"/aanvragen/{application.Id}/stap/bewijs",
            ApplicationStep.Declarations => $"/aanvragen/{application.Id}/stap/verklaringen",
            ApplicationStep.Consent => $"/aanvragen/{application.Id}/stap/toestemming",
            _ => $"/aanvragen/{application.Id}/controleren",
        };

    public async Task<Guid> StartAsync(ClaimsPrincipal resident, Guid municipalityId, ApplicationPlace place, CancellationToken ct = default)
    {
        var actor = await ActorAsync(resident);
        var reference = await NewReferenceAsync(ct);
        var application = Application.StartDraft(reference, municipalityId, actor, place, Now);
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        return application.Id;
    }

    public async Task ChangeAddressAsync(Application application, Guid municipalityId, ApplicationPlace place, CancellationToken ct = default)
    {
        application.ChangeAddress(municipalityId, place, Now);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetCarAsync(Application application, DutchLicencePlate? plate, DateOnly? expectedOn, CancellationToken ct = default)
    {
        application.SetCar(plate, expectedOn, Today, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Stores the file (refusing it if it is too large or not a PDF, PNG or JPEG) and attaches it to the draft.</summary>
    /// <exception cref="DocumentRefused">The file was not kept.</exception>
    public async Task AddProofAsync(ClaimsPrincipal resident, Application application, DocumentKind kind, IFormFile file, CancellationToken ct = default)
    {
        var actor = await ActorAsync(resident);
        await AttachAsync(application, kind, file, actor, ct);
        await SaveOrForgetAsync(application, ct);
    }

    public async Task RemoveDocumentAsync(Application application, Guid documentId, CancellationToken ct = default)
    {
        var removed = application.RemoveDocument(documentId, Now);
        await db.SaveChangesAsync(ct);
        documents.Delete(removed.StorageKey);
    }

    public async Task SetDeclarationsAsync(Application application, bool hasPrivateParking, string? permitNumber, CancellationToken ct = default)
    {
        application.SetDeclarations(hasPrivateParking, permitNumber, Now);
        await db.SaveChangesAsync(ct);
    }

    public async Task GiveConsentAsync(Application application, CancellationToken ct = default)
    {
        application.GiveConsent(Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Runs the pre-assessment, submits, and queues the mail with the reference, saved together.</summary>
    public async Task SubmitAsync(ClaimsPrincipal resident, Application application, CancellationToken ct = default)
    {
        var actor = await ActorAsync(resident);
        var policy = await policies.GetAsync(application.MunicipalityId, ct);
        var result = await preAssessment.RunAsync(application, policy, ct);
        application.Submit(actor, result, Now);
        await mailer.EnqueueAsync(application, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The answer to the open question, with an optional file; the decision clock runs again.</summary>
    /// <exception cref="DocumentRefused">The file was not kept (and the answer not sent).</exception>
    public async Task AnswerAsync(ClaimsPrincipal resident, Application application, string answer, IFormFile? file, CancellationToken ct = default)
    {
        var actor = await ActorAsync(resident);
        if (file is { Length: > 0 })
            await AttachAsync(application, DocumentKind.InformationAnswer, file, actor, ct);
        try
        {
            application.AnswerInformation(actor, answer, Now);
        }
        catch
        {
            ForgetNewDocuments(application);
            throw;
        }
        await mailer.EnqueueAsync(application, ct);
        await SaveOrForgetAsync(application, ct);
    }

    public async Task WithdrawAsync(ClaimsPrincipal resident, Application application, string? reason, CancellationToken ct = default)
    {
        application.Withdraw(await ActorAsync(resident), reason, Now);
        await mailer.EnqueueAsync(application, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A draft never reached the municipality, so deleting it leaves nothing behind, files included.</summary>
    public async Task DeleteDraftAsync(Application application, CancellationToken ct = default)
    {
        if (application.Status != ApplicationStatus.Draft)
            throw new Domain.Common.DomainRuleViolated(Domain.Common.DomainRule.OnlyDraftCanBeDeleted, "Only a draft can be deleted; a submitted application can be withdrawn.");
        var keys = application.Documents.Select(d => d.StorageKey).ToList();
        db.Applications.Remove(application);
        await db.SaveChangesAsync(ct);
        foreach (var key in keys)
            documents.Delete(key);
    }

    /// <summary>The charge point an application was referred to, for the map on the detail page.</summary>
    public async Task<ReferredChargePoint?> ReferredChargePointAsync(Application application, CancellationToken ct = default) =>
        application.ReferredChargeLocationId is { } id
            ? await db.ChargeLocations.AsNoTracking().Where(l => l.Id == id)
                .Select(l => new ReferredChargePoint(l.Id, l.Address, l.City, l.Latitude, l.Longitude)).SingleOrDefaultAsync(ct)
            : null;

    private async Task AttachAsync(Application application, DocumentKind kind, IFormFile file, ApplicationActor actor, CancellationToken ct)
    {
        StoredDocument stored;
        await using (var stream = file.OpenReadStream())
            stored = await documents.SaveAsync(stream, ApplicationDocument.MaxSizeBytes, ct);
        try
        {
            application.AddDocument(kind, file.FileName, stored.ContentType, stored.SizeBytes, stored.Key, actor, Now);
        }
        catch
        {
            documents.Delete(stored.Key);
            throw;
        }
    }

    private async Task SaveOrForgetAsync(Application application, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            ForgetNewDocuments(application);
            throw;
        }
    }

    private void ForgetNewDocuments(Application application)
    {
        foreach (var document in application.Documents.Where(d => db.Entry(d).State == EntityState.Added))
            documents.Delete(document.StorageKey);
    }

    private async Task<ApplicationActor> ActorAsync(ClaimsPrincipal resident)
    {
        var user = await users.GetUserAsync(resident) ?? throw new InvalidOperationException("The resident's account no longer exists.");
        return new ApplicationActor(user.Id, user.DisplayName);
    }

    private async Task<string> NewReferenceAsync(CancellationToken ct)
    {
        while (true)
        {
            var reference = ApplicationReference.Create(Now.Year, RandomNumberGenerator.GetBytes(ApplicationReference.RandomLength));
            if (!await db.Applications.AnyAsync(a => a.Reference == reference, ct))
                return reference;
        }
    }
}

internal sealed record ResidentApplicationRow(
    Guid Id, string Reference, string Street, int? HouseNumber, string? Addition, string City, ApplicationStatus Status,
    DateTime? SubmittedAtUtc, DateTime UpdatedAtUtc, string? ContinueUrl)
{
    public string Address => HouseNumber is null ? $"{Street}, {City}" : $"{Street} {HouseNumber}{Addition}, {City}";
}

internal sealed record ReferredChargePoint(Guid Id, string Address, string? City, double Latitude, double Longitude);
