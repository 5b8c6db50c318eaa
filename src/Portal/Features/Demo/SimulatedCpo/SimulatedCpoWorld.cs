using System.Globalization;
using Microsoft.Extensions.Options;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Features.Demo.SimulatedCpo;

/// <summary>
/// What the simulated CPO knows, in memory: its locations with their EVSE statuses, sessions, CDRs,
/// tariffs and charging profiles, and the credentials of its connection to the portal. Advance()
/// moves the simulation to a point in time; it does no I/O. Thread-safe: every member takes the lock.
/// </summary>
internal sealed class SimulatedCpoWorld(IOptions<SimulatedCpoOptions> options, IWebHostEnvironment environment)
{
    /// <summary>Completed sessions and CDRs kept for the sender endpoints; older ones are dropped.</summary>
    private const int KeepCompleted = 2000;

    private static readonly Wire.CdrToken[] Drivers =
    [
        new("NL", "EMS", "04A1B2C3D4E5F6", "RFID", "NL-EMS-C00000001-A"),
        new("NL", "EMS", "04B2C3D4E5F6A7", "RFID", "NL-EMS-C00000002-B"),
        new("NL", "LPA", "APP-7F3A2C", "APP_USER", "NL-LPA-C00000003-C"),
        new("DE", "XYZ", "04C3D4E5F6A7B8", "RFID", "DE-XYZ-C00000004-D"),
    ];

    private readonly Lock _gate = new();
    private readonly List<SimulatedSession> _sessions = [];
    private readonly List<Wire.Cdr> _cdrs = [];
    private readonly Dictionary<string, Wire.ChargingProfile> _profiles = new(StringComparer.OrdinalIgnoreCase);
    private SimulatedParty? _party;
    private IReadOnlyList<Wire.Tariff> _tariffs = [];
    private Random _random = new();
    private int _counter;

    public SimulatedParty Party
    {
        get
        {
            lock (_gate)
                return _party ?? throw new InvalidOperationException("The simulated CPO has not been loaded.");
        }
    }

    public bool IsLoaded
    {
        get
        {
            lock (_gate)
                return _party is not null;
        }
    }

    /// <summary>The token the portal calls us with (our token B); null until we registered.</summary>
    public string? OwnToken { get; private set; }

    /// <summary>The token we call the portal with (its token C), its Locations receiver and its ChargingProfiles sender.</summary>
    public PortalConnection? Portal { get; private set; }

    /// <summary>Loads the CPO's locations from the demo files; EVSEs that are charging get a running session.</summary>
    public void Load(DateTime nowUtc)
    {
        lock (_gate)
        {
            if (_party is not null)
                return;
            var settings = options.Value;
            _random = settings.Seed is { } seed ? new Random(seed) : new Random();
            var folder = Path.Combine(environment.ContentRootPath, "Features", "Demo", "Data");
            _party = SimulatedLocations.Load(folder, settings.PartyId, settings.MaxLocations, nowUtc);
            _tariffs = SimulatedTariffs.For(_party.CountryCode, _party.PartyId, nowUtc);
            foreach (var location in _party.Locations)
            {
                foreach (var evse in location.Evses)
                {
                    evse.ChargingProfileCapable = SimulatedSmartCharging.IsCapable(location.Id, evse.Uid, settings.NotCapableShare);
                    evse.IgnoresLimits = SimulatedSmartCharging.IgnoresLimits(location.Id, evse.Uid, settings.IgnoringLimitShare);
                    evse.ResultDelayMilliseconds = SimulatedSmartCharging.ResultDelayMilliseconds(location.Id, evse.Uid, settings.ResultDelayMilliseconds);
                }
                foreach (var evse in location.Evses.Where(e => e.Status == "CHARGING"))
                    StartSession(location, evse, nowUtc - TimeSpan.FromSeconds(Tick.TotalSeconds * _random.Next(0, 10)), nowUtc);
            }
        }
    }

    private TimeSpan Tick => TimeSpan.FromSeconds(Math.Max(1, options.Value.TickSeconds));

    /// <summary>From now on the portal may call us with this token (it may do so while our registration is under way).</summary>
    public void AcceptToken(string ownToken)
    {
        lock (_gate)
            OwnToken = ownToken;
    }

    public void Registered(string ownToken, PortalConnection portal)
    {
        lock (_gate)
        {
            OwnToken = ownToken;
            Portal = portal;
            // A new registration: the portal may have lost what it knew, so every location is sent in full again.
            foreach (var location in _party?.Locations ?? [])
                location.KnownToPortal = false;
        }
    }

    public void Disconnected()
    {
        lock (_gate)
        {
            OwnToken = null;
            Portal = null;
        }
    }

    /// <summary>
    /// One step: sessions and faults that are due end, outages are over, running sessions meter, and
    /// a few new things happen (a session starts, a charger breaks, a location goes offline).
    /// </summary>
    public IReadOnlyList<string> Advance(DateTime nowUtc)
    {
        lock (_gate)
        {
            var party = _party ?? throw new InvalidOperationException("The simulated CPO has not been loaded.");
            var happened = new List<string>();
            foreach (var location in party.Locations)
            {
                if (location.OfflineUntil is { } until && until <= nowUtc)
                {
                    location.OfflineUntil = null;
                    foreach (var evse in location.Evses.Where(e => e.Status == "UNKNOWN"))
                        Change(location, evse, "AVAILABLE", nowUtc);
                    happened.Add($"location {location.Id} back online");
                }
                foreach (var evse in location.Evses)
                {
                    if (evse.Session is { } session)
                    {
                        session.MeterAt(nowUtc);
                        if (session.EndsAt <= nowUtc)
                        {
                            Complete(session, nowUtc);
                            Change(location, evse, "AVAILABLE", nowUtc);
                            happened.Add($"session {session.Id} completed");
                        }
                    }
                    if (evse.FaultUntil is { } fixedAt && fixedAt <= nowUtc && location.OfflineUntil is null)
                    {
                        evse.FaultUntil = null;
                        Change(location, evse, "AVAILABLE", nowUtc);
                        happened.Add($"EVSE {evse.Uid} repaired");
                    }
                }
            }

            var idle = party.Locations.Where(l => l.OfflineUntil is null)
                .SelectMany(l => l.Evses.Where(e => e.Status == "AVAILABLE").Select(e => (Location: l, Evse: e)))
                .ToList();
            // Sessions last about 16 ticks; starting one at 4 % of the idle EVSEs per tick keeps some 40 % busy.
            var events = options.Value.ChangesPerTick > 0 ? options.Value.ChangesPerTick : Math.Max(1, (int)Math.Round(idle.Count * 0.04));
            for (var i = 0; i < events && idle.Count > 0; i++)
            {
                var pick = _random.Next(idle.Count);
                var (location, evse) = idle[pick];
                idle.RemoveAt(pick);
                var roll = _random.NextDouble();
                if (roll < 0.05 && location.Evses.All(e => e.Session is null))
                {
                    location.OfflineUntil = nowUtc + Tick * _random.Next(3, 10);
                    foreach (var each in location.Evses.Where(e => e.Status is "AVAILABLE" or "OUTOFORDER"))
                    {
                        each.FaultUntil = null;   // back online, everything works again
                        Change(location, each, "UNKNOWN", nowUtc);
                    }
                    idle.RemoveAll(x => x.Location == location);
                    happened.Add($"location {location.Id} offline");
                }
                else if (roll < 0.15)
                {
                    evse.FaultUntil = nowUtc + Tick * _random.Next(3, 13);
                    Change(location, evse, "OUTOFORDER", nowUtc);
                    happened.Add($"EVSE {evse.Uid} out of order");
                }
                else
                {
                    var session = StartSession(location, evse, nowUtc, nowUtc);
                    happened.Add($"session {session.Id} started");
                }
            }
            return happened;
        }
    }

    private SimulatedSession StartSession(SimulatedLocation location, SimulatedEvse evse, DateTime start, DateTime nowUtc)
    {
        var charging = Tick * _random.Next(3, 25);
        var parking = Tick * _random.Next(0, 4);
        var powerKw = Math.Round(Math.Min(evse.MaxPowerWatts / 1000m, 11m) * (decimal)(0.6 + (_random.NextDouble() * 0.4)), 2);
        var id = string.Create(CultureInfo.InvariantCulture, $"{_party!.PartyId}-S{start:yyMMddHHmmss}-{++_counter:D5}");
        var session = new SimulatedSession(id, location, evse, Drivers[_random.Next(Drivers.Length)], powerKw, start, start + charging, start + charging + parking);
        session.MeterAt(nowUtc);
        evse.Session = session;
        _sessions.Add(session);
        Change(location, evse, "CHARGING", nowUtc);
        return session;
    }

    private void Complete(SimulatedSession session, DateTime nowUtc)
    {
        var cdrId = string.Create(CultureInfo.InvariantCulture, $"{_party!.PartyId}-C{nowUtc:yyMMddHHmmss}-{++_counter:D5}");
        _cdrs.Add(session.Complete(nowUtc, cdrId, _tariffs[0]));
        session.Evse.Session = null;
        _profiles.Remove(session.Id);
        Trim();
    }

    private void Trim()
    {
        var completed = _sessions.Count(s => s.Status == "COMPLETED");
        if (completed > KeepCompleted)
            _sessions.RemoveAll(s => s.Status == "COMPLETED" && --completed >= KeepCompleted);
        if (_cdrs.Count > KeepCompleted)
            _cdrs.RemoveRange(0, _cdrs.Count - KeepCompleted);
    }

    private static void Change(SimulatedLocation location, SimulatedEvse evse, string status, DateTime nowUtc)
    {
        evse.Change(status, nowUtc);
        if (evse.LastUpdated > location.LastUpdated)
            location.LastUpdated = evse.LastUpdated;
    }

    public IReadOnlyList<Wire.Location> Locations()
    {
        lock (_gate)
            return Party.Locations.Select(l => l.ToWire()).ToList();
    }

    /// <summary>The location, or null when unknown; Offline when it is in a simulated outage.</summary>
    public (Wire.Location? Location, bool Offline) Location(string id)
    {
        lock (_gate)
        {
            var location = Party.Locations.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));
            return (location?.ToWire(), location?.OfflineUntil is not null);
        }
    }

    public IReadOnlyList<Wire.Session> Sessions(DateTime nowUtc)
    {
        lock (_gate)
            return _sessions.Select(s => s.ToWire(nowUtc)).ToList();
    }

    public IReadOnlyList<Wire.Cdr> Cdrs()
    {
        lock (_gate)
            return _cdrs.ToList();
    }

    public IReadOnlyList<Wire.Tariff> Tariffs()
    {
        lock (_gate)
            return _tariffs;
    }

    /// <summary>Locations the portal must get in full (a PUT) before their EVSEs can be patched.</summary>
    public IReadOnlyList<(string Id, Wire.Location Location)> LocationsToPut()
    {
        lock (_gate)
            return Party.Locations.Where(l => !l.KnownToPortal).Select(l => (l.Id, l.ToWire())).ToList();
    }

    /// <summary>EVSE status changes not yet accepted by the portal, as (location id, EVSE uid, status, last_updated).</summary>
    public IReadOnlyList<StatusPush> StatusesToPush()
    {
        lock (_gate)
        {
            return Party.Locations.Where(l => l.KnownToPortal)
                .SelectMany(l => l.Evses.Where(e => e.PushPending).Select(e => new StatusPush(l.Id, e.Uid, e.Status, e.LastUpdated)))
                .ToList();
        }
    }

    public void PutAccepted(string locationId, DateTime lastUpdated)
    {
        lock (_gate)
        {
            var location = Party.Locations.First(l => l.Id == locationId);
            location.KnownToPortal = true;
            foreach (var evse in location.Evses.Where(e => e.LastUpdated <= lastUpdated))
                evse.PushPending = false;
        }
    }

    public void PushAccepted(StatusPush push)
    {
        lock (_gate)
        {
            var evse = Party.Locations.First(l => l.Id == push.LocationId).Evses.First(e => e.Uid == push.EvseUid);
            if (evse.LastUpdated == push.LastUpdated)
                evse.PushPending = false;
        }
    }

    /// <summary>The portal did not know the location (e.g. its database was reset): it gets a full PUT again.</summary>
    public void PushUnknown(string locationId)
    {
        lock (_gate)
            Party.Locations.First(l => l.Id == locationId).KnownToPortal = false;
    }

    /// <summary>
    /// The answer to a charging-profile request for a session: UNKNOWN_SESSION unless it is running, NOT_SUPPORTED at
    /// an EVSE that is not CHARGING_PROFILE_CAPABLE, else ACCEPTED.
    /// </summary>
    public string ProfileResponse(string sessionId)
    {
        lock (_gate)
        {
            var session = Running(sessionId);
            return session is null ? "UNKNOWN_SESSION" : session.Evse.ChargingProfileCapable ? "ACCEPTED" : "NOT_SUPPORTED";
        }
    }

    /// <summary>How long the EVSE of the session takes to post a result; null for a session it does not know.</summary>
    public int? ResultDelayMilliseconds(string sessionId)
    {
        lock (_gate)
            return Running(sessionId)?.Evse.ResultDelayMilliseconds;
    }

    /// <summary>
    /// Takes a profile: from now the session charges at most its limit (W, or A on three phases of 230 V) for the
    /// profile's duration, unless its EVSE ignores limits; either way its charging periods split here, as a CPO's do
    /// when the profile changes.
    /// </summary>
    public void SetProfile(string sessionId, Wire.ChargingProfile profile, DateTime nowUtc)
    {
        lock (_gate)
        {
            _profiles[sessionId] = profile;
            if (Running(sessionId) is not { } session)
                return;
            var limit = profile.ChargingProfilePeriod?.OrderBy(p => p.StartPeriod).FirstOrDefault()?.Limit;
            decimal? limitKw = limit is { } value ? profile.ChargingRateUnit == "A" ? value * 0.69m : value / 1000m : null;
            session.Limit(nowUtc, session.Evse.IgnoresLimits ? null : limitKw, profile.Duration is { } seconds ? nowUtc.AddSeconds(seconds) : null);
        }
    }

    private SimulatedSession? Running(string sessionId) =>
        _sessions.FirstOrDefault(s => s.Status == "ACTIVE" && string.Equals(s.Id, sessionId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The profile in force: the one set, or the EVSE's own maximum when none was.</summary>
    public Wire.ChargingProfile? ActiveProfile(string sessionId)
    {
        lock (_gate)
        {
            if (_profiles.TryGetValue(sessionId, out var set))
                return set;
            var session = _sessions.FirstOrDefault(s => s.Status == "ACTIVE" && string.Equals(s.Id, sessionId, StringComparison.OrdinalIgnoreCase));
            return session is null ? null : new Wire.ChargingProfile(null, null, "W", null, [new Wire.ChargingProfilePeriod(0, session.Evse.MaxPowerWatts)]);
        }
    }

    public bool ClearProfile(string sessionId, DateTime nowUtc)
    {
        lock (_gate)
        {
            Running(sessionId)?.Limit(nowUtc, null, null);
            return _profiles.Remove(sessionId);
        }
    }

    public int NextDelayMilliseconds(int max)
    {
        lock (_gate)
            return max <= 0 ? 0 : _random.Next(max / 4, max + 1);
    }
}

/// <summary>ChargingProfilesUrl is the portal's chargingprofiles SENDER endpoint, when its version details list one.</summary>
internal sealed record PortalConnection(string Token, string LocationsUrl, string? ChargingProfilesUrl = null);

internal sealed record StatusPush(string LocationId, string EvseUid, string Status, DateTime LastUpdated);
