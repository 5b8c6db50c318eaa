using Portal.Hosting;

namespace Portal.Features.Applications;

/// <summary>Deletes the stored file of an application document (retention, removed drafts).</summary>
internal interface IApplicationFileDeleter
{
    Task DeleteAsync(string storageKey, CancellationToken ct = default);
}

/// <summary>Files kept under the data folder as <c>documents/{storageKey}</c>.</summary>
internal sealed class RetentionFileDeleter(AppDataFolder folder) : IApplicationFileDeleter
{
    public Task DeleteAsync(string storageKey, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(folder.Resolve("documents"));
        var path = Path.GetFullPath(Path.Combine(root, storageKey));
        // A key is ours, but never let one reach outside the documents folder.
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Storage key '{storageKey}' points outside the documents folder.");
        File.Delete(path);
        return Task.CompletedTask;
    }
}
