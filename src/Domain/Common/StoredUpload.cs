namespace Portal.Domain.Common;

/// <summary>
/// The rules every uploaded file follows, whatever it belongs to (an application, evidence, a contract document, an
/// objection, an installation step, an exclusion claim, a field check): not empty, within its size limit, stored under
/// a key, and shown by the name it was sent with, without any path.
/// </summary>
public static class StoredUpload
{
    public static void Check(long sizeBytes, long maxSizeBytes, string? storageKey)
    {
        if (sizeBytes <= 0)
            throw new DomainRuleViolated(DomainRule.FileEmpty, "The file is empty.");
        if (sizeBytes > maxSizeBytes)
            throw new DomainRuleViolated(DomainRule.FileTooLarge, $"A file is at most {maxSizeBytes / (1024 * 1024)} MB.", (int)(maxSizeBytes / (1024 * 1024)));
        if (string.IsNullOrWhiteSpace(storageKey))
            throw new DomainRuleViolated("A file needs the key it is stored under.");
    }

    /// <summary>The name without folders (a browser may send "C:\fakepath\x.pdf"), <paramref name="fallback"/> when none is left, the end kept when too long.</summary>
    public static string DisplayName(string? fileName, string fallback, int maxLength)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (name.Length == 0)
            name = fallback;
        return name.Length > maxLength ? name[^maxLength..] : name;
    }
}
