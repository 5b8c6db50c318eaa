using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// A TCP relay between the browser and the portal that a test can cut, as a train tunnel or a
/// flaky Wi-Fi would: <see cref="Cut"/> closes every open connection and refuses new ones until
/// <see cref="Restore"/>. The portal itself keeps running.
/// </summary>
internal sealed class DroppableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private readonly Task _accepting;
    private volatile bool _refusing;

    private DroppableProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public static DroppableProxy To(string baseUrl) => new(new Uri(baseUrl));

    public void Cut()
    {
        _refusing = true;
        foreach (var (browser, portal) in _open)
        {
            browser.Close();
            portal.Close();
        }
        _open.Clear();
    }

    public void Restore() => _refusing = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient browser;
            try
            {
                browser = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            if (_refusing)
            {
                browser.Close();
                continue;
            }
            _ = RelayAsync(browser);
        }
    }

    private async Task RelayAsync(TcpClient browser)
    {
        var portal = new TcpClient();
        try
        {
            await portal.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            _open[browser] = portal;
            var toPortal = browser.GetStream().CopyToAsync(portal.GetStream(), _stop.Token);
            var toBrowser = portal.GetStream().CopyToAsync(browser.GetStream(), _stop.Token);
            await Task.WhenAny(toPortal, toBrowser);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut or a closed side ends the relay; the other side is closed below.
        }
        finally
        {
            _open.TryRemove(browser, out _);
            browser.Close();
            portal.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
