using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Domain.Requirements;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Integration.Requirements;

namespace Portal.Features.Requirements;

/// <summary>One loaded catalogue version in the history grid.</summary>
internal sealed record CatalogueVersionRow(
    int Number, DateTime LoadedAtUtc, string LoadedByName, string? FileName, bool IsShipped, string Sha256,
    int SetCount, int RequirementCount, int OcpiDataCount, int CertificateCount, int FieldAuditCount, int DeclarationCount);

/// <summary>What the administrator's catalogue page does: preview and load a newer file, the history of versions, protocol certification dates.</summary>
internal sealed class CatalogueAdministration(
    PortalDbContext db, RequirementCatalogueLoading loading, StoredRequirementCatalogue catalogue,
    ProtocolCertificationRegister certifications, UserManager<PortalUser> users)
{
    public Task<(int Number, RequirementCatalogue Catalogue)> CurrentAsync(CancellationToken ct = default) => catalogue.CurrentVersionAsync(ct);

    /// <exception cref="RequirementCatalogueRejected">The file is not a valid catalogue.</exception>
    public Task<CataloguePreview> PreviewAsync(string json, CancellationToken ct = default) => loading.PreviewAsync(json, ct);

    /// <exception cref="RequirementCatalogueRejected">The file is not a valid catalogue.</exception>
    /// <exception cref="CatalogueChangedMeanwhile">Another version was loaded since the preview.</exception>
    /// <exception cref="CatalogueUnchanged">The file is the version in force.</exception>
    public async Task<int> LoadAsync(ClaimsPrincipal admin, string json, string? fileName, int basedOnNumber, CancellationToken ct = default)
    {
        var user = await users.GetUserAsync(admin) ?? throw new InvalidOperationException("Signed-in user not found.");
        return (await loading.LoadAsync(json, fileName, basedOnNumber, user.Id, user.DisplayName, ct)).Number;
    }

    /// <summary>The loaded versions, newest first unless another column is asked for.</summary>
    public async Task<GridPage<CatalogueVersionRow>> VersionsAsync(GridQuery grid, CancellationToken ct = default)
    {
        var query = db.RequirementCatalogueVersions.AsNoTracking();
        var total = await query.CountAsync(ct);
        query = (grid.SortKey, grid.Descending) switch
        {
            ("number", false) or ("loadedatutc", false) => query.OrderBy(v => v.Number),
            ("requirementcount", false) => query.OrderBy(v => v.RequirementCount).ThenByDescending(v => v.Number),
            ("requirementcount", true) => query.OrderByDescending(v => v.RequirementCount).ThenByDescending(v => v.Number),
            _ => query.OrderByDescending(v => v.Number),
        };
        var rows = await query.Skip(grid.Skip).Take(grid.PageSize)
            .Select(v => new CatalogueVersionRow(v.Number, v.LoadedAtUtc, v.LoadedByName, v.FileName, v.LoadedByUserId == null && v.FileName == null, v.Sha256,
                v.SetCount, v.RequirementCount, v.OcpiDataCount, v.CertificateCount, v.FieldAuditCount, v.DeclarationCount))
            .ToListAsync(ct);
        return new GridPage<CatalogueVersionRow>(rows, total);
    }

    public Task<IReadOnlyList<ProtocolUpdateDue>> CertificationsAsync(CancellationToken ct = default) => certifications.CurrentAsync(ct);

    public Task<ProtocolUpdateDeadline?> UpdateTermsAsync(CancellationToken ct = default) => certifications.TermsAsync(ct);

    public Task<IReadOnlyList<ProtocolCertification>> CertificationHistoryAsync(CancellationToken ct = default) => certifications.HistoryAsync(ct);

    /// <exception cref="Domain.Common.DomainRuleViolated">A field is missing, too long, or the day is in the future.</exception>
    public async Task RecordCertificationAsync(ClaimsPrincipal admin, ProtocolCertificationForm form, DateOnly availableOn, CancellationToken ct = default)
    {
        var user = await users.GetUserAsync(admin) ?? throw new InvalidOperationException("Signed-in user not found.");
        await certifications.RecordAsync(form.Protocol ?? "", form.Version ?? "", form.Kind, availableOn, form.SourceNote ?? "", user.Id, user.DisplayName, ct);
    }

    /// <exception cref="Domain.Common.DomainRuleViolated">The reason is missing or too long.</exception>
    public async Task<bool> WithdrawCertificationAsync(ClaimsPrincipal admin, Guid recordId, string reason, CancellationToken ct = default)
    {
        var user = await users.GetUserAsync(admin) ?? throw new InvalidOperationException("Signed-in user not found.");
        return await certifications.WithdrawAsync(recordId, reason, user.Id, user.DisplayName, ct);
    }
}

/// <summary>The form for a certification date; what was typed stays when the rules refuse it.</summary>
internal sealed class ProtocolCertificationForm
{
    public string? Protocol { get; set; }
    public string? Version { get; set; }
    public ProtocolUpdateKind Kind { get; set; } = ProtocolUpdateKind.Major;
    public DateTime? AvailableOn { get; set; }
    public string? SourceNote { get; set; }
}
