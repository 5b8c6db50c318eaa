using Microsoft.EntityFrameworkCore;
using Portal.Domain.Requirements;
using Portal.Integration.Persistence;

namespace Portal.Integration.Requirements;

/// <summary>What loading a catalogue file would change, shown before the administrator confirms.</summary>
public sealed record CataloguePreview(
    int BasedOnNumber,
    string Sha256,
    RequirementCatalogue Catalogue,
    CatalogueDifference Difference,
    IReadOnlyDictionary<RequirementKey, int> AttachedAndRemoved,
    bool SameAsCurrent);

/// <summary>Another version was loaded between the preview and the confirmation; the preview is out of date.</summary>
public sealed class CatalogueChangedMeanwhile(int expected, int? actual)
    : Exception($"The preview was made against catalogue version {expected}, but version {actual} is in force now.");

/// <summary>The file is the catalogue in force already.</summary>
public sealed class CatalogueUnchanged()
    : Exception("The file is the catalogue in force already.");

/// <summary>
/// An administrator loads a newer catalogue file: first a preview (the file checked, what changes against the version in
/// force, how many contracts use the requirements it drops), then the confirmation stores it as the next version.
/// </summary>
public sealed class RequirementCatalogueLoading(
    PortalDbContext db, StoredRequirementCatalogue current, IRequirementAttachments attachments, TimeProvider clock)
{
    /// <summary>The shipped file is about 80 kB; 2 MB leaves room for growth and refuses anything that is no catalogue.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    /// <exception cref="RequirementCatalogueRejected">The file is not a valid catalogue.</exception>
    public async Task<CataloguePreview> PreviewAsync(string json, CancellationToken cancellationToken = default)
    {
        var next = RequirementCatalogueJson.Parse(json);
        var (number, inForce) = await current.CurrentVersionAsync(cancellationToken);
        var difference = CatalogueDifference.Between(inForce, next);
        var removed = difference.RemovedRequirements.Select(r => r.Key).ToList();
        var attached = removed.Count == 0
            ? new Dictionary<RequirementKey, int>()
            : (await attachments.CountAttachedAsync(removed, cancellationToken)).Where(a => a.Value > 0).ToDictionary();
        var sha = RequirementCatalogueVersion.HashOf(json);
        var currentSha = await db.RequirementCatalogueVersions.Where(v => v.Number == number).Select(v => v.Sha256).SingleAsync(cancellationToken);
        return new CataloguePreview(number, sha, next, difference, attached, sha == currentSha);
    }

    /// <summary>Stores the file as the version after <paramref name="basedOnNumber"/>, which must still be the one in force.</summary>
    /// <exception cref="RequirementCatalogueRejected">The file is not a valid catalogue.</exception>
    /// <exception cref="CatalogueChangedMeanwhile">Another version was loaded since the preview.</exception>
    /// <exception cref="CatalogueUnchanged">The file is the version in force.</exception>
    public async Task<RequirementCatalogueVersion> LoadAsync(
        string json, string? fileName, int basedOnNumber, string userId, string userName, CancellationToken cancellationToken = default)
    {
        var catalogue = RequirementCatalogueJson.Parse(json);
        var (number, _) = await current.CurrentVersionAsync(cancellationToken);
        if (number != basedOnNumber)
            throw new CatalogueChangedMeanwhile(basedOnNumber, number);
        var inForce = await db.RequirementCatalogueVersions.Where(v => v.Number == number).Select(v => v.Sha256).SingleAsync(cancellationToken);
        if (inForce == RequirementCatalogueVersion.HashOf(json))
            throw new CatalogueUnchanged();

        var name = fileName is null ? null : Path.GetFileName(fileName);
        if (name is { Length: > RequirementCatalogueVersion.MaxFileNameLength })
            name = name[..RequirementCatalogueVersion.MaxFileNameLength];
        var version = RequirementCatalogueVersion.Of(number + 1, json, catalogue, name, userId, userName, clock.GetUtcNow().UtcDateTime);
        db.RequirementCatalogueVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The number is unique: another administrator stored this number a moment ago.
            db.ChangeTracker.Clear();
            throw new CatalogueChangedMeanwhile(basedOnNumber, await StoredRequirementCatalogue.NewestNumberAsync(db, cancellationToken));
        }
        current.Loaded(version.Number, catalogue);
        return version;
    }
}
