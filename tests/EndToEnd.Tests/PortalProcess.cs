using System.Diagnostics;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// The portal as a process of its own (<c>dotnet Portal.dll</c>, settings as environment variables), so that a
/// test can kill it as an operating system would: no shutdown, no cleanup, jobs and locks left where they were.
/// A test waits for what the process logs (its JSON console) instead of sleeping.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];
    private readonly List<string> _output = [];

    private PortalProcess(Process process) => _process = process;

    public string Name { get; private init; } = "";

    /// <summary>Everything the process wrote, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
                return string.Join('\n', _output);
        }
    }

    /// <summary>Starts the portal built next to these tests and returns once it has started (migrations, Hangfire's schema and server included).</summary>
    public static async Task<PortalProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Portal.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var portal = new PortalProcess(new Process { StartInfo = start, EnableRaisingEvents = true }) { Name = name };
        var started = portal.WhenLogged("Application started");
        portal._process.OutputDataReceived += (_, line) => portal.Received(line.Data);
        portal._process.ErrorDataReceived += (_, line) => portal.Received(line.Data);
        portal._process.Start();
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        var exited = portal._process.WaitForExitAsync();
        if (await Task.WhenAny(started, exited).WaitAsync(timeout) == exited)
            throw new InvalidOperationException($"{name} stopped while starting:\n{portal.Output}");
        return portal;
    }

    /// <summary>Completes when the process writes a line containing <paramref name="text"/> (from now on).</summary>
    public Task WhenLogged(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
            _awaited.Add((text, seen));
        return seen.Task;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash or a pulled plug would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private void Received(string? line)
    {
        if (line is null)
            return;
        List<TaskCompletionSource> seen;
        lock (_gate)
        {
            _output.Add(line);
            seen = _awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)).Select(a => a.Seen).ToList();
            _awaited.RemoveAll(a => seen.Contains(a.Seen));
        }
        foreach (var done in seen)
            done.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }
}
