using Microsoft.Extensions.Localization;
using Portal.Resources;

namespace Portal.Components.Shared;

/// <summary>The checks every upload form makes before reading the file: is there one, and is it not too large.</summary>
internal static class UploadCheck
{
    /// <summary>The message for the person, or null when the file can be read.</summary>
    public static string? Problem(IFormFile? file, long maxBytes, IStringLocalizer<Texts> T)
    {
        if (file is null || file.Length == 0)
            return T["SpotImport.NoFile"];
        if (file.Length > maxBytes)
            return T["SpotImport.TooLarge", maxBytes / (1024 * 1024)];
        return null;
    }
}
