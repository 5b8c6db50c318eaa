namespace Portal.Hosting;

/// <summary>The folder where the portal keeps its files (the SQLite database, mail pickup, uploads).</summary>
internal sealed class AppDataFolder(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static AppDataFolder From(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["App:DataDirectory"];
        var path = string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured;
        return new AppDataFolder(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(builder.Environment.ContentRootPath, path));
    }

    public string Resolve(string relativeOrAbsolute) =>
        System.IO.Path.IsPathRooted(relativeOrAbsolute) ? relativeOrAbsolute : System.IO.Path.Combine(Path, relativeOrAbsolute);
}
