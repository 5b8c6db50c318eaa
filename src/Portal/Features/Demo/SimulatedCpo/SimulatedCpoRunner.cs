using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Hosting;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Persistence;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Features.Demo.SimulatedCpo;

/// <summary>
/// Runs the simulated CPO inside the portal: once the server listens, it registers with the portal
/// the way a real CPO would (token A from the portal's own connections, versions, credentials POST),
/// sends its locations in full, and then every tick advances the simulation and pushes each EVSE
/// status change as a PATCH. Failed pushes are retried on the next tick; nothing here stops the host.
/// </summary>
internal sealed class SimulatedCpoRunner(
    SimulatedCpoWorld world,
    SimulatedCpoClient client,
    IServiceScopeFactory scopes,
    IOptions<SimulatedCpoOptions> options,
    IHostApplicationLifetime lifetime,
    IServer server,
    TimeProvider clock,
    ILogger<SimulatedCpoRunner> logger) : BackgroundService
{
    public const string PathPrefix = "/demo-cpo/ocpi";

    private readonly SemaphoreSlim _oneTickAtATime = new(1, 1);
    private bool _revoked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);

        var tick = TimeSpan.FromSeconds(Math.Max(1, options.Value.TickSeconds));
        var first = true;
        while (!stoppingToken.IsCancellationRequested && (first || options.Value.TickInBackground))
        {
            first = false;
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Simulated CPO: tick failed; trying again next tick");
            }
            if (options.Value.TickInBackground)
                await Task.Delay(tick, clock, stoppingToken);
        }
    }

    /// <summary>One step: connect when not connected, advance the simulation to now, push what changed.</summary>
    public async Task TickAsync(CancellationToken ct = default)
    {
        await _oneTickAtATime.WaitAsync(ct);
        try
        {
            // OCPI timestamps travel with milliseconds: the simulation keeps no finer time than the portal receives.
            var exact = clock.GetUtcNow().UtcDateTime;
            var now = exact.AddTicks(-(exact.Ticks % TimeSpan.TicksPerMillisecond));
            world.Load(now);
            if (world.Portal is null && !await ConnectAsync(ct))
                return;
            var happened = world.Advance(now);
            if (happened.Count > 0)
                logger.LogDebug("Simulated CPO: {Events}", string.Join("; ", happened));
            await PushAsync(ct);
        }
        finally
        {
            _oneTickAtATime.Release();
        }
    }

    /// <summary>
    /// The CPO side of the credentials handshake against the portal's own /ocpi. The portal's
    /// connection for this party is reused: it gets a fresh token A, because our tokens live only in memory.
    /// </summary>
    public async Task<bool> ConnectAsync(CancellationToken ct = default)
    {
        if (_revoked)
            return false;
        var portalUrl = PortalUrl();
        if (portalUrl is null)
        {
            logger.LogWarning("Simulated CPO: the portal's address is unknown; set {Key}", $"{SimulatedCpoOptions.Section}:PortalUrl");
            return false;
        }
        var party = world.Party;
        RegisteredConnection tokenA;
        using (var scope = scopes.CreateScope())
            tokenA = await scope.ServiceProvider.GetRequiredService<OcpiConnections>().IssueOrReissueTokenAAsync(party.CountryCode, party.PartyId, $"{party.OperatorName} (simulated)", ct);

        try
        {
            var versions = await client.GetAsync<List<Wire.OcpiVersion>>($"{portalUrl}/ocpi/versions", tokenA.Token, ct);
            var version = versions.Envelope?.Data?.FirstOrDefault(v => v.Version == "2.2.1");
            if (!versions.IsSuccess || version is null)
                return Failed("versions", versions.Describe());
            var details = await client.GetAsync<Wire.VersionDetails>(version.Url, tokenA.Token, ct);
            var endpoints = details.Envelope?.Data?.Endpoints ?? [];
            var credentialsUrl = endpoints.FirstOrDefault(e => e.Identifier == "credentials")?.Url;
            var locationsUrl = endpoints.FirstOrDefault(e => e.Identifier == "locations" && e.Role == "RECEIVER")?.Url;
            // Optional: without it the simulator just sends no active-profile updates.
            var chargingProfilesUrl = endpoints.FirstOrDefault(e => e.Identifier == "chargingprofiles" && e.Role == "SENDER")?.Url;
            if (!details.IsSuccess || credentialsUrl is null || locationsUrl is null)
                return Failed("version details", details.Describe());

            var tokenB = OcpiTokens.Generate();
            world.AcceptToken(tokenB);
            var ours = new Wire.Credentials(tokenB, $"{portalUrl}{PathPrefix}/versions",
                [new Wire.CredentialsRole("CPO", new Wire.BusinessDetails(party.OperatorName, null, null), party.PartyId, party.CountryCode)]);
            var registered = await client.SendAsync<Wire.Credentials>(HttpMethod.Post, credentialsUrl, tokenA.Token, ours, ct);
            if (!registered.IsSuccess || registered.Envelope?.Data?.Token is not { } tokenC)
                return Failed("credentials", registered.Describe());
            world.Registered(tokenB, new PortalConnection(tokenC, locationsUrl.TrimEnd('/'), chargingProfilesUrl?.TrimEnd('/')));
            logger.LogInformation("Simulated CPO {Party} ({Locations} locations) registered with the portal at {Url}",
                $"{party.CountryCode}*{party.PartyId}", party.Locations.Count, portalUrl);
            return true;
        }
        catch (HttpRequestException e)
        {
            return Failed("the portal", e.Message);
        }
    }

    private bool Failed(string step, string what)
    {
        logger.LogWarning("Simulated CPO: registering failed at {Step}: {What}; trying again next tick", step, what);
        return false;
    }

    /// <summary>Full PUTs for locations the portal does not have yet, then a PATCH per changed EVSE status.</summary>
    private async Task PushAsync(CancellationToken ct)
    {
        if (world.Portal is not { } portal)
            return;
        var party = world.Party;
        var root = $"{portal.LocationsUrl}/{party.CountryCode}/{party.PartyId}";
        try
        {
            foreach (var (id, location) in world.LocationsToPut())
            {
                var put = await client.SendAsync<object>(HttpMethod.Put, $"{root}/{Uri.EscapeDataString(id)}", portal.Token, location, ct);
                if (await LostAsync(put, ct))
                    return;
                if (put.IsSuccess)
                    world.PutAccepted(id, location.LastUpdated!.Value);
                else
                    logger.LogWarning("Simulated CPO: PUT of location {Id} refused: {Answer}", id, put.Describe());
            }
            foreach (var push in world.StatusesToPush())
            {
                var patch = await client.SendAsync<object>(HttpMethod.Patch, $"{root}/{Uri.EscapeDataString(push.LocationId)}/{Uri.EscapeDataString(push.EvseUid)}",
                    portal.Token, new StatusPatch(push.Status, push.LastUpdated), ct);
                if (await LostAsync(patch, ct))
                    return;
                if (patch.IsSuccess)
                    world.PushAccepted(push);
                else if (patch.HttpStatus == HttpStatusCode.NotFound)
                    world.PushUnknown(push.LocationId);   // the spec's remedy: send the whole location again
                else
                    logger.LogWarning("Simulated CPO: status PATCH of {Location}/{Evse} refused: {Answer}", push.LocationId, push.EvseUid, patch.Describe());
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Simulated CPO: pushing to the portal failed ({Message}); trying again next tick", e.Message);
        }
    }

    /// <summary>
    /// A 401: the portal no longer knows our token. Register again next tick, unless an admin revoked
    /// the connection: then the simulated CPO stays away until the next start.
    /// </summary>
    private async Task<bool> LostAsync<T>(OcpiCall<T> call, CancellationToken ct)
    {
        if (call.HttpStatus != HttpStatusCode.Unauthorized)
            return false;
        world.Disconnected();
        var party = world.Party;
        using var scope = scopes.CreateScope();
        var live = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OcpiConnections
            .AnyAsync(c => c.CountryCode == party.CountryCode && c.PartyId == party.PartyId && c.Status != OcpiConnectionStatus.Revoked, ct);
        _revoked = !live;
        if (_revoked)
            logger.LogWarning("Simulated CPO: the portal revoked the connection; not reconnecting until the next start");
        else
            logger.LogWarning("Simulated CPO: the portal refused our token; registering again");
        return true;
    }

    /// <summary>The configured URL, or the first address the server listens on (a wildcard host becomes localhost).</summary>
    private string? PortalUrl() =>
        string.IsNullOrWhiteSpace(options.Value.PortalUrl) ? ListeningAddress.Of(server) : options.Value.PortalUrl.TrimEnd('/');

    /// <summary>
    /// Starts the simulator's answer to a charging-profile request: the result follows on response_url after a
    /// short delay. With <paramref name="applied"/> (an accepted SetChargingProfile), the charger then reports the
    /// profile now in force on the portal's chargingprofiles SENDER endpoint, as a CPO does when it changes.
    /// </summary>
    public void PostLater<T>(string responseUrl, T result, AppliedProfile? applied = null, int? delayMilliseconds = null)
    {
        var delay = TimeSpan.FromMilliseconds(delayMilliseconds ?? world.NextDelayMilliseconds(options.Value.ResultDelayMilliseconds));
        var token = world.Portal?.Token ?? "";
        _ = Task.Run(async () =>
        {
            try
            {
                if (delay > TimeSpan.Zero)
                    await Task.Delay(delay, clock, lifetime.ApplicationStopping);
                var answer = await client.SendAsync<object>(HttpMethod.Post, responseUrl, token, result, lifetime.ApplicationStopping);
                if (!answer.IsSuccess)
                    logger.LogWarning("Simulated CPO: result POST to {Url} refused: {Answer}", responseUrl, answer.Describe());
                else if (applied is not null && world.Portal?.ChargingProfilesUrl is { } updatesUrl)
                    await ReportActiveProfileAsync(updatesUrl, token, applied);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                logger.LogWarning("Simulated CPO: result POST to {Url} failed: {Message}", responseUrl, e.Message);
            }
        });
    }

    private async Task ReportActiveProfileAsync(string updatesUrl, string token, AppliedProfile applied)
    {
        var exact = clock.GetUtcNow().UtcDateTime;
        var now = exact.AddTicks(-(exact.Ticks % TimeSpan.TicksPerMillisecond));
        var url = $"{updatesUrl}/{Uri.EscapeDataString(applied.SessionId)}";
        try
        {
            var put = await client.SendAsync<object>(HttpMethod.Put, url, token, new Wire.ActiveChargingProfile(now, applied.Profile), lifetime.ApplicationStopping);
            if (!put.IsSuccess)
                logger.LogWarning("Simulated CPO: active profile PUT to {Url} refused: {Answer}", url, put.Describe());
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Simulated CPO: active profile PUT to {Url} failed: {Message}", url, e.Message);
        }
    }

    private sealed record StatusPatch(string Status, DateTime LastUpdated);
}

/// <summary>A profile the simulated charger took for a session: reported to the portal once its result is posted.</summary>
internal sealed record AppliedProfile(string SessionId, Wire.ChargingProfile Profile);
