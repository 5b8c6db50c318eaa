using System.Text.RegularExpressions;

namespace Portal.Tests.Infrastructure;

/// <summary>The pickup folder the portal writes its e-mail to in tests: read it as a mailbox.</summary>
public sealed partial class MailPickup(string folder)
{
    public IReadOnlyList<string> MessagesTo(string address)
    {
        if (!Directory.Exists(folder))
            return [];
        return Directory.GetFiles(folder, "*.eml")
            .Select(f => new FileInfo(f))
            .OrderBy(f => f.LastWriteTimeUtc)
            .Select(f => File.ReadAllText(f.FullName))
            .Where(text => text.Contains($"<{address}>", StringComparison.OrdinalIgnoreCase) || text.Contains($"To: {address}", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>The first link to this portal path in the newest message to the address.</summary>
    public string LinkTo(string address, string path)
    {
        var message = MessagesTo(address).LastOrDefault() ?? throw new InvalidOperationException($"No mail to {address} in {folder}.");
        var match = Link().Matches(message).Select(m => m.Value).FirstOrDefault(l => new Uri(l).AbsolutePath == path);
        return match ?? throw new InvalidOperationException($"No link to {path} in the mail to {address}:\n{message}");
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
