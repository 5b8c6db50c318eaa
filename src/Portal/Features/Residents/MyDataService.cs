using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Hosting;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Residents;

/// <summary>What the portal holds about a resident (GDPR art. 15): shown on a page and downloadable as JSON.</summary>
internal sealed class MyDataService(UserManager<PortalUser> users, PortalDbContext db)
{
    /// <summary>Officers' names are their personal data, not the resident's: their steps are the municipality's.</summary>
    private const string ByMunicipality = "municipality";

    public async Task<MyData?> ForAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return null;
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantUserId == user.Id)
            .Include(a => a.History).Include(a => a.Documents).Include(a => a.InformationRequests)
            .AsSplitQuery()
            .OrderBy(a => a.CreatedAtUtc)
            .ToListAsync(ct);
        return new MyData(
            new MyAccount(user.DisplayName, user.Email!, user.EmailConfirmed, user.TwoFactorEnabled, user.CreatedAtUtc, (await users.GetRolesAsync(user)).ToList(),
                LocalizationRegistration.CultureOf(user.PreferredCulture).Name),
            applications.Select(a => new MyApplication(
                a.Reference, a.Status.ToString(), a.Postcode, a.HouseNumber, a.HouseNumberAddition, a.Street, a.City,
                a.Latitude, a.Longitude, a.PointAdjusted, a.LicencePlate, a.CarExpectedOn, a.HasPrivateParking, a.ParkingPermitNumber,
                a.PrivacyConsentAtUtc, a.CreatedAtUtc, a.SubmittedAtUtc, a.ClosedAtUtc, a.DecisionText,
                a.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
                    .Select(h => new MyApplicationEvent(h.AtUtc, h.Kind.ToString(), h.From?.ToString(), h.To.ToString(), h.ByUserId == user.Id ? user.DisplayName : ByMunicipality, h.Reason)).ToList(),
                a.InformationRequests.OrderBy(r => r.RequestedAtUtc)
                    .Select(r => new MyInformationRequest(r.RequestedAtUtc, r.Question, r.AnsweredAtUtc, r.Answer)).ToList(),
                a.Documents.OrderBy(d => d.UploadedAtUtc)
                    .Select(d => new MyDocument(d.FileName, d.Kind.ToString(), d.ContentType, d.SizeBytes, d.UploadedAtUtc)).ToList()))
            .ToList());
    }
}

public sealed record MyData(MyAccount Account, IReadOnlyList<MyApplication> Applications);

/// <summary>The account as the person sees it; <c>MailLanguage</c> is the language mails are written in ("nl" or "en").</summary>
public sealed record MyAccount(string DisplayName, string Email, bool EmailConfirmed, bool TwoFactorEnabled, DateTime CreatedAtUtc, IReadOnlyList<string> Roles, string MailLanguage);

/// <summary>An application with everything the resident gave and everything that happened to it; the files themselves are downloaded from the application page.</summary>
public sealed record MyApplication(
    string Reference, string Status, string Postcode, int? HouseNumber, string? HouseNumberAddition, string Street, string City,
    double Latitude, double Longitude, bool PointAdjusted, string? LicencePlate, DateOnly? CarExpectedOn, bool? HasPrivateParking,
    string? ParkingPermitNumber, DateTime? PrivacyConsentAtUtc, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, DateTime? ClosedAtUtc,
    string? DecisionText, IReadOnlyList<MyApplicationEvent> History, IReadOnlyList<MyInformationRequest> InformationRequests,
    IReadOnlyList<MyDocument> Documents);

public sealed record MyApplicationEvent(DateTime AtUtc, string Kind, string? From, string To, string By, string? Text);

public sealed record MyInformationRequest(DateTime RequestedAtUtc, string Question, DateTime? AnsweredAtUtc, string? Answer);

public sealed record MyDocument(string FileName, string Kind, string ContentType, long SizeBytes, DateTime UploadedAtUtc);
