namespace Portal.Hosting;

/// <summary>One-off commands for operators, run instead of the web server: "dotnet Portal.dll migrate".</summary>
internal static class PortalCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args[0])
        {
            case "migrate":
                await app.MigrateDatabaseAsync();
                app.Logger.LogInformation("The database is up to date.");
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Known: migrate.");
                return 2;
        }
    }
}
