using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Features.Accounts;
using Portal.Features.TrafficOrders.Public;
using Portal.Integration.Accounts;
using Portal.Integration.Documents;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.TrafficOrders.Objections;

/// <summary>
/// Objections and views on traffic orders: taking one in from the public page (with its files and the
/// acknowledgement mail), and the officer's handling of it (admissibility, hearing and minutes, advisory
/// committee, extension, deferral, repair pauses, decision with its letter, considering a view). Every
/// officer step is limited to the municipalities the officer belongs to, like <see cref="TrafficOrderService"/>:
/// an objection of another municipality is treated as not existing. The rules are the Domain's.
/// </summary>
internal sealed class ObjectionService(PortalDbContext db, TenantAccess tenants, UserManager<PortalUser> users, DocumentStore documents,
    ObjectionMailer mailer, TrafficOrderApplicantMailer applicants, TrafficOrderService orders, TrafficOrderSpots spotsOfOrders, TimeProvider clock, IStringLocalizer<Texts> T)
{
    private TermsCalendar Calendar => orders.Calendar;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DutchCalendar.Day(Now);

    /// <summary>
    /// Takes in an objection (direct route) or a view (public preparation) on a published order, stores its
    /// files, numbers it "BZ-2026-0042" (objection) or "ZW-2026-0042" (view) per municipality and year, and
    /// queues the acknowledgement with the dates that now apply. After the last day it is taken in and marked
    /// late (Awb 6:11). Nothing is kept when a file is refused or a rule is broken.
    /// </summary>
    /// <exception cref="DocumentRefused">A file was not kept; nothing of the objection was.</exception>
    public async Task<ObjectionReceipt> ReceiveAsync(Guid orderId, ObjectionKind kind, ObjectionForm form, IReadOnlyList<ObjectionUpload> files, CancellationToken ct = default)
    {
        var submission = ObjectionSubmission.Create(form.Name, form.Address, form.Email, form.Grounds);
        if (files.Count > ObjectionDocument.MaxAttachments)
            throw new ObjectionFilesRefused(T["Objection.Form.TooManyFiles", ObjectionDocument.MaxAttachments]);
        var stored = new List<(ObjectionUpload File, StoredDocument Stored)>();
        try
        {
            foreach (var file in files)
            {
                await using var stream = file.Open();
                stored.Add((file, await documents.SaveAsync(stream, ObjectionDocument.MaxSizeBytes, ct)));
            }
            // Two objections at the same moment may draw the same number; the unique index refuses the second, which draws again.
            for (var attempt = 1; ; attempt++)
            {
                var order = await db.TrafficOrders.Include(o => o.Objections).Include(o => o.History).AsSplitQuery()
                    .FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new DomainRuleViolated(DomainRule.NotOpenForObjections, "No such order.");
                var objection = order.Receive(kind, submission, await NextReferenceAsync(order.MunicipalityId, kind, ct), Now, Calendar);
                foreach (var (file, kept) in stored)
                    db.Add(ObjectionDocument.Create(objection.Id, ObjectionDocumentKind.Attachment, file.FileName, kept.ContentType, kept.SizeBytes, kept.Key, Now));
                await mailer.EnqueueAcknowledgementAsync(order, objection, ct);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return new ObjectionReceipt(order.Id, objection.Id, objection.Reference);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        catch
        {
            foreach (var (_, kept) in stored)
                documents.Delete(kept.Key);
            throw;
        }
    }

    /// <summary>The objection with its order, or null when it is not one of the officer's municipalities.</summary>
    public async Task<(TrafficOrder Order, Objection Objection)?> FindAsync(ClaimsPrincipal officer, Guid objectionId, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        var orderId = await db.TrafficOrderObjections.Where(o => o.Id == objectionId && municipalities.Contains(o.MunicipalityId))
            .Select(o => (Guid?)o.TrafficOrderId).FirstOrDefaultAsync(ct);
        if (orderId is null || await orders.FindAsync(officer, orderId.Value, ct) is not { } order)
            return null;
        return (order, order.ObjectionById(objectionId));
    }

    public Task<string?> JudgeAdmissibilityAsync(ClaimsPrincipal officer, Guid objectionId, bool admissible, string? note, CancellationToken ct = default) =>
        StepAsync(officer, objectionId, (_, objection) => objection.JudgeAdmissibility(admissible, note), ct);

    public Task<string?> PlanHearingAsync(ClaimsPrincipal officer, Guid objectionId, DateOnly on, CancellationToken ct = default) =>
        StepAsync(officer, objectionId, (_, objection) => objection.PlanHearing(on), ct);

    public Task<string?> UseAdvisoryCommitteeAsync(ClaimsPrincipal officer, Guid objectionId, bool advisoryCommittee, CancellationToken ct = default) =>
        StepAsync(officer, objectionId, (_, objection) => objection.UseAdvisoryCommittee(advisoryCommittee, Today, Calendar), ct);

    public Task<string?> ExtendDecisionTermAsync(ClaimsPrincipal officer, Guid objectionId, CancellationToken ct = default) =>
        StepAsync(officer, objectionId, (_, objection) => objection.ExtendDecisionTerm(Today, Calendar), ct);

    public Task<string?> DeferDecisionAsync(ClaimsPrincipal officer, Guid objectionId, DateOnly until, DeferralGround ground, CancellationToken ct = default) =>
        StepAsync(officer, objectionId, (_, objection) => objection.DeferDecision(Today, until, ground, Calendar), ct);

    public Task<string?> AskForRepairAsync(ClaimsPrincipal officer, Guid objectionId, CancellationToken ct = default) =>
        StepAsync(officer, objectionId, (_, objection) => objection.AskForRepair(Today, Calendar), ct);

    public Task<string?> RepairReceivedAsync(ClaimsPrincipal officer, Guid objectionId, CancellationToken ct = default) =>
        StepAsync(officer, objectionId, (_, objection) => objection.RepairReceived(Today, Calendar), ct);

    /// <summary>Stores the minutes of the hearing (PDF, PNG or JPEG, at most 10 MB) and attaches them; the hearing must be planned.</summary>
    public async Task<string?> AttachHearingMinutesAsync(ClaimsPrincipal officer, Guid objectionId, string fileName, Stream content, CancellationToken ct = default)
    {
        if (await FindAsync(officer, objectionId, ct) is not var (_, objection))
            throw new UnauthorizedAccessException("Not an objection of the officer's municipalities.");
        if (objection.HearingOn is null)
            return RuleMessages.Text(T, new DomainRuleViolated(DomainRule.NoHearingPlanned, "Plan the hearing before attaching its minutes."));
        StoredDocument stored;
        try
        {
            stored = await documents.SaveAsync(content, ObjectionDocument.MaxSizeBytes, ct);
        }
        catch (DocumentRefused e)
        {
            return ObjectionTexts.Refusal(T, e.Reason);
        }
        try
        {
            var document = ObjectionDocument.Create(objection.Id, ObjectionDocumentKind.HearingMinutes, fileName, stored.ContentType, stored.SizeBytes, stored.Key, Now);
            objection.AttachHearingMinutes(document.Id);
            db.Add(document);
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainRuleViolated e)
        {
            documents.Delete(stored.Key);
            return RuleMessages.Text(T, e);
        }
        catch
        {
            documents.Delete(stored.Key);
            throw;
        }
    }

    /// <summary>
    /// The decision on an objection, dated today, with its letter mailed to the objector. A revocation withdraws
    /// the order (Domain). When this was the last open objection and the term has lapsed, the order becomes final
    /// and the applicants are told. The order's spots follow in the same save: ready for installation once final,
    /// back to where they were once revoked.
    /// </summary>
    public async Task<string?> DecideAsync(ClaimsPrincipal officer, Guid objectionId, ObjectionOutcome outcome, ObjectionConsequence consequence, string? reasons, CancellationToken ct = default)
    {
        if (await FindAsync(officer, objectionId, ct) is not var (order, objection))
            throw new UnauthorizedAccessException("Not an objection of the officer's municipalities.");
        try
        {
            var actor = await ActorAsync(officer);
            order.DecideObjection(objection.Id, outcome, consequence, Today, reasons, actor, Now);
            await mailer.EnqueueDecisionAsync(order, objection, ct);
            if (order.WhyNotFinal(Today, Calendar) is null)
            {
                order.BecomeFinal(Today, TrafficOrderActor.Portal, Now, Calendar);
                await applicants.EnqueueFinalAsync(order, ct);
            }
            await spotsOfOrders.FollowAsync(order, actor, Now, ct);
            await db.SaveChangesAsync(ct);
            spotsOfOrders.Saved(order);
            return null;
        }
        catch (DomainRuleViolated e)
        {
            return RuleMessages.Text(T, e);
        }
    }

    /// <summary>How the final order deals with a view (Awb 3:46), recorded today.</summary>
    public async Task<string?> ConsiderViewAsync(ClaimsPrincipal officer, Guid viewId, string? response, CancellationToken ct = default)
    {
        if (await FindAsync(officer, viewId, ct) is not var (order, _))
            throw new UnauthorizedAccessException("Not a view of the officer's municipalities.");
        try
        {
            order.ConsiderView(viewId, response, Today, Now);
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainRuleViolated e)
        {
            return RuleMessages.Text(T, e);
        }
    }

    /// <summary>The letter as the objector would get it for this decision, without deciding; null when the objection is not the officer's.</summary>
    public async Task<ObjectionLetter?> PreviewDecisionLetterAsync(ClaimsPrincipal officer, Guid objectionId, ObjectionOutcome outcome, ObjectionConsequence consequence, string? reasons, CancellationToken ct = default)
    {
        if (await FindAsync(officer, objectionId, ct) is not var (order, objection))
            return null;
        return await mailer.ComposeDecisionAsync(order, objection, outcome, consequence, Today, reasons?.Trim() ?? "", ct);
    }

    /// <summary>A file of an objection for an officer of its municipality; null for anyone else or an unknown file.</summary>
    public async Task<(ObjectionDocument Document, Stream Content)?> OpenDocumentAsync(ClaimsPrincipal officer, Guid objectionId, Guid documentId, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        var document = await (
            from d in db.Set<ObjectionDocument>()
            join o in db.TrafficOrderObjections on d.ObjectionId equals o.Id
            where d.Id == documentId && o.Id == objectionId && municipalities.Contains(o.MunicipalityId)
            select d).AsNoTracking().FirstOrDefaultAsync(ct);
        return document is not null && documents.OpenRead(document.StorageKey) is { } stream ? (document, stream) : null;
    }

    private async Task<string?> StepAsync(ClaimsPrincipal officer, Guid objectionId, Action<TrafficOrder, Objection> step, CancellationToken ct)
    {
        if (await FindAsync(officer, objectionId, ct) is not var (order, objection))
            throw new UnauthorizedAccessException("Not an objection of the officer's municipalities.");
        try
        {
            step(order, objection);
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DomainRuleViolated e)
        {
            return RuleMessages.Text(T, e);
        }
    }

    /// <summary>"BZ-2026-0042" or "ZW-2026-0007": the municipality's objections (or views) of the Dutch year, numbered on.</summary>
    private async Task<string> NextReferenceAsync(Guid municipalityId, ObjectionKind kind, CancellationToken ct)
    {
        var prefix = YearlyReference.Prefix(kind == ObjectionKind.Objection ? "BZ" : "ZW", Today.Year);
        return YearlyReference.Next(prefix, await db.TrafficOrderObjections.AsNoTracking()
            .Where(o => o.MunicipalityId == municipalityId && o.Reference.StartsWith(prefix))
            .Select(o => o.Reference).ToListAsync(ct));
    }

    private async Task<TrafficOrderActor> ActorAsync(ClaimsPrincipal officer)
    {
        var user = await users.GetUserAsync(officer) ?? throw new InvalidOperationException("Signed-in user not found.");
        return new TrafficOrderActor(user.Id, user.DisplayName);
    }
}

/// <summary>What the public form sends in, as typed.</summary>
internal sealed class ObjectionForm
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }
    public string? Grounds { get; set; }
}

/// <summary>One file sent with an objection: its name as sent, and how to read it.</summary>
internal sealed record ObjectionUpload(string FileName, Func<Stream> Open);

/// <summary>An objection taken in: the order, the objection and the reference its sender got.</summary>
internal sealed record ObjectionReceipt(Guid OrderId, Guid ObjectionId, string Reference);

/// <summary>The files sent with an objection were refused as a whole (too many); nothing was kept.</summary>
internal sealed class ObjectionFilesRefused(string message) : Exception(message);
