namespace Portal.Tests.Support;

/// <summary>Files from the source tree, found by walking up from the test binaries to Portal.sln.</summary>
public static class RepositoryFiles
{
    public static string Path(params string[] parts)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Portal.sln")))
            folder = folder.Parent;
        if (folder is null)
            throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
        return System.IO.Path.Combine([folder.FullName, .. parts]);
    }
}
