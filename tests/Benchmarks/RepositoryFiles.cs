namespace Portal.Benchmarks;

/// <summary>Finds files of this repository from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class RepositoryFiles
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Portal.sln")))
                return System.IO.Path.Combine([dir.FullName, .. parts]);
        }
        throw new FileNotFoundException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
