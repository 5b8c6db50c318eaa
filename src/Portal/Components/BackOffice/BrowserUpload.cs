using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Portal.Resources;

namespace Portal.Components.BackOffice;

/// <summary>
/// A file chosen in an interactive page (MudFileUpload / InputFile): the checks every upload makes
/// before reading it, and a copy on the server's disk, since a browser file can only be read
/// asynchronously and readers such as the CSV and GeoJSON ones read synchronously.
/// </summary>
internal static class BrowserUpload
{
    /// <summary>Why the file cannot be read (none chosen, too large, not one of the extensions), or null.</summary>
    public static string? Problem(IBrowserFile? file, long maxBytes, IReadOnlyCollection<string> extensions, string wrongType, IStringLocalizer<Texts> T)
    {
        if (file is null || file.Size == 0)
            return T["SpotImport.NoFile"];
        if (file.Size > maxBytes)
            return T["SpotImport.TooLarge", maxBytes / (1024 * 1024)];
        if (!extensions.Contains(Path.GetExtension(file.Name).ToLowerInvariant()))
            return wrongType;
        return null;
    }

    /// <summary>The file's bytes in a temporary file that is deleted when the stream is disposed, positioned at the start.</summary>
    public static async Task<Stream> CopyAsync(IBrowserFile file, long maxBytes, CancellationToken cancellation = default)
    {
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await using (var upload = file.OpenReadStream(maxBytes, cancellation))
                await upload.CopyToAsync(copy, cancellation);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }
}
