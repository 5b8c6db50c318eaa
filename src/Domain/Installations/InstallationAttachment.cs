using Portal.Domain.Common;

namespace Portal.Domain.Installations;

/// <summary>
/// A photo or document given with a step of a case (the placed charge point, the dig permit, the grid operator's
/// letter), its file kept in the document store under <see cref="StorageKey"/>. Adding one is an entry in the case's
/// history; attachments are not removed, like the history they belong to.
/// </summary>
public sealed class InstallationAttachment
{
    public const int MaxFileNameLength = 200;
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    private InstallationAttachment() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public InstallationStep Step { get; private set; }

    /// <summary>The name it was sent with, for display only.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The type found in its bytes, not the one the browser claimed.</summary>
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";
    public string UploadedByUserId { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>Attaches a stored file to a step of an open or paused case, recorded in the case's history with the file's name.</summary>
    public static InstallationAttachment Attach(InstallationCase installation, InstallationStep step, InstallationFile file, InstallationActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(installation);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Enum.IsDefined(step))
            throw new DomainRuleViolated("Not a step of an installation case.");
        StoredUpload.Check(file.SizeBytes, MaxSizeBytes, file.StorageKey);
        var attachment = new InstallationAttachment
        {
            Id = Guid.NewGuid(),
            CaseId = installation.Id,
            Step = step,
            FileName = FileNameOf(file.FileName),
            ContentType = file.ContentType,
            SizeBytes = file.SizeBytes,
            StorageKey = file.StorageKey,
            UploadedByUserId = actor.UserId,
            UploadedByName = actor.Name,
            UploadedAtUtc = nowUtc,
        };
        installation.RecordAttachment(attachment.Step, attachment.FileName, actor, nowUtc);
        return attachment;
    }

    private static string FileNameOf(string? fileName) =>
        StoredUpload.DisplayName(fileName, "bestand", MaxFileNameLength);
}

/// <summary>The stored file: the name it was sent with, the type found in its bytes, its size and key.</summary>
public sealed record InstallationFile(string FileName, string ContentType, long SizeBytes, string StorageKey);
