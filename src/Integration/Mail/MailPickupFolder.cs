namespace Portal.Integration.Mail;

/// <summary>Where mail goes in pickup mode: an absolute path, made once the first message is written.</summary>
public sealed class MailPickupFolder(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string EnsureExists()
    {
        Directory.CreateDirectory(Path);
        return Path;
    }
}
