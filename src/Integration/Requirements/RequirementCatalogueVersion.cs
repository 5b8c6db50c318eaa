using System.Security.Cryptography;
using System.Text;
using Portal.Domain.Requirements;

namespace Portal.Integration.Requirements;

/// <summary>
/// One loaded catalogue file, kept whole: who loaded it and when, its SHA-256 and counts. Versions are numbered 1, 2, 3
/// (unique, so two loads at once cannot both become the same version); the highest number is the catalogue in force.
/// Version 1 is the catalogue the portal ships with, stored when the portal first needs a catalogue.
/// </summary>
public sealed class RequirementCatalogueVersion
{
    public const int MaxFileNameLength = 255;

    private RequirementCatalogueVersion() { }

    public Guid Id { get; private set; }
    public int Number { get; private set; }
    public DateTime LoadedAtUtc { get; private set; }

    /// <summary>Null for the shipped catalogue.</summary>
    public string? LoadedByUserId { get; private set; }

    /// <summary>Empty for the shipped catalogue.</summary>
    public string LoadedByName { get; private set; } = "";

    /// <summary>The uploaded file's name; null for the shipped catalogue.</summary>
    public string? FileName { get; private set; }

    public int SchemaVersion { get; private set; }

    /// <summary>Lower-case hex of the SHA-256 of the file's UTF-8 bytes.</summary>
    public string Sha256 { get; private set; } = "";

    public string Json { get; private set; } = "";
    public int SetCount { get; private set; }
    public int RequirementCount { get; private set; }
    public int OcpiDataCount { get; private set; }
    public int CertificateCount { get; private set; }
    public int FieldAuditCount { get; private set; }
    public int DeclarationCount { get; private set; }

    public bool IsShipped => LoadedByUserId is null && FileName is null;

    internal static RequirementCatalogueVersion Of(
        int number, string json, RequirementCatalogue catalogue, string? fileName, string? userId, string userName, DateTime nowUtc)
    {
        int Count(VerificationKind kind) => catalogue.Requirements.Count(r => r.Verification == kind);
        return new RequirementCatalogueVersion
        {
            Id = Guid.NewGuid(),
            Number = number,
            LoadedAtUtc = nowUtc,
            LoadedByUserId = userId,
            LoadedByName = userName,
            FileName = fileName,
            SchemaVersion = catalogue.SchemaVersion,
            Sha256 = HashOf(json),
            Json = json,
            SetCount = catalogue.Sets.Count,
            RequirementCount = catalogue.Requirements.Count(),
            OcpiDataCount = Count(VerificationKind.OcpiData),
            CertificateCount = Count(VerificationKind.Certificate),
            FieldAuditCount = Count(VerificationKind.FieldAudit),
            DeclarationCount = Count(VerificationKind.Declaration),
        };
    }

    public static string HashOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
