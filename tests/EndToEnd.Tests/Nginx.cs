using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// Debian's nginx as the load balancer in front of several portal nodes, configured and run by the
/// test in a folder of its own (configuration, pid, logs and temp files there), so it needs no root
/// and leaves nothing behind. Affinity is by a cookie nginx sets itself (<see cref="AffinityCookie"/>):
/// a request without it is spread over the nodes by a fresh random key, which becomes the cookie, so a
/// browser stays on the node that answered its first request (prerender, negotiate and WebSocket).
/// Every answer names its node in <see cref="NodeHeader"/>.
/// </summary>
internal sealed class Nginx : IAsyncDisposable
{
    public const string AffinityCookie = "portal_node";
    public const string NodeHeader = "X-Portal-Node";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _folder;
    private readonly string _executable;
    private readonly Process _process;
    private readonly List<string> _log;

    private Nginx(string folder, string executable, Process process, List<string> log, int port)
    {
        _folder = folder;
        _executable = executable;
        _process = process;
        _log = log;
        BaseUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
    }

    public string BaseUrl { get; }

    /// <summary>The configuration this nginx runs with (the README's excerpt is taken from it).</summary>
    public string Configuration => File.ReadAllText(ConfigurationFile(_folder));

    /// <summary>What nginx wrote to its error log (startup notices, upstream errors).</summary>
    public string ErrorLog
    {
        get
        {
            lock (_log)
                return string.Join('\n', _log);
        }
    }

    /// <summary>The nginx program: <c>PORTAL_NGINX</c>, else Debian's <c>/usr/sbin/nginx</c> (test.sh installs the package).</summary>
    public static string Executable =>
        Environment.GetEnvironmentVariable("PORTAL_NGINX") is { Length: > 0 } path ? path : "/usr/sbin/nginx";

    /// <summary>A free loopback port, for nginx to listen on (chosen before the nodes start: they need the public address).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts nginx on <paramref name="port"/> in front of the nodes (host:port each); returns once it listens.</summary>
    public static async Task<Nginx> StartAsync(int port, IReadOnlyList<string> nodes)
    {
        var executable = Executable;
        if (!File.Exists(executable))
            throw new InvalidOperationException($"nginx is not installed at {executable}: install Debian's nginx package (./test.sh does) or set PORTAL_NGINX.");

        var folder = Directory.CreateTempSubdirectory("portal-nginx-").FullName;
        // Run as root, nginx's workers switch to 'nobody', which must reach the temp folders inside.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await File.WriteAllTextAsync(ConfigurationFile(folder), ConfigurationFor(folder, port, nodes));

        var log = new List<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = Command(executable, folder) };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (log)
                log.Add(e.Data);
            // The listening socket is open before the master starts its workers.
            if (e.Data.Contains("start worker process", StringComparison.Ordinal))
                listening.TrySetResult();
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var nginx = new Nginx(folder, executable, process, log, port);
        // Waiting for the exit includes reading what it wrote, so a refused configuration is reported with nginx's reason.
        var stopped = process.WaitForExitAsync();
        try
        {
            if (await Task.WhenAny(listening.Task, stopped).WaitAsync(StartTimeout) == stopped)
                throw new InvalidOperationException($"nginx stopped at start (exit code {process.ExitCode}):\n{nginx.ErrorLog}");
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
        return nginx;
    }

    private static string ConfigurationFile(string folder) => Path.Combine(folder, "nginx.conf");

    private static ProcessStartInfo Command(string executable, string folder, params string[] more)
    {
        // -e: the error log before the configuration is read (the package's default is a system path).
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-p", folder + "/", "-c", ConfigurationFile(folder), "-e", "stderr", .. more])
            start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>
    /// The configuration: one master in the foreground with one worker, everything it writes in
    /// <paramref name="folder"/>, and the portal's upstream with cookie affinity and WebSocket upgrades.
    /// </summary>
    private static string ConfigurationFor(string folder, int port, IReadOnlyList<string> nodes)
    {
        var servers = string.Concat(nodes.Select(node => $"        server {node} max_fails=0;\n"));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            master_process on;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log stderr notice;

            events {
                worker_connections 512;
            }

            http {
                log_format nodes '$remote_addr "$request" $status node=$upstream_addr key=$portal_node';
                access_log {{folder}}/access.log nodes;
                client_body_temp_path {{folder}}/temp-body;
                proxy_temp_path {{folder}}/temp-proxy;
                fastcgi_temp_path {{folder}}/temp-fastcgi;
                uwsgi_temp_path {{folder}}/temp-uwsgi;
                scgi_temp_path {{folder}}/temp-scgi;

                # Affinity by the balancer's own cookie (every browser comes from the same address here, and
                # open-source nginx has no 'sticky'): without the cookie, a fresh random key picks the node and
                # becomes the cookie, so the browser's next requests hash to the same node.
                map $cookie_{{AffinityCookie}} $portal_node {
                    ""      $request_id;
                    default $cookie_{{AffinityCookie}};
                }
                map $cookie_{{AffinityCookie}} $portal_node_cookie {
                    ""      "{{AffinityCookie}}=$request_id; Path=/; HttpOnly; SameSite=Lax";
                    default "";
                }
                # Blazor's circuit is a WebSocket: pass the upgrade on; other requests keep the upstream connection alive.
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ""      "";
                }

                upstream portal {
                    hash $portal_node consistent;
            {{servers}}        keepalive 16;
                }

                server {
                    listen 127.0.0.1:{{port}};

                    location / {
                        proxy_pass http://portal;
                        proxy_http_version 1.1;
                        proxy_set_header Host $http_host;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        # An idle back-office page keeps its WebSocket open for hours (Blazor pings every 15 s).
                        proxy_read_timeout 1h;
                        add_header Set-Cookie $portal_node_cookie always;
                        add_header {{NodeHeader}} $upstream_addr always;
                    }
                }
            }

            """);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A fast shutdown through the pid file (SIGTERM to the master, which stops its worker).
            using (var stop = Process.Start(Command(_executable, _folder, "-s", "stop"))!)
                await stop.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Temp files owned by nginx's worker user; the OS cleans its temp folder.
        }
    }
}
