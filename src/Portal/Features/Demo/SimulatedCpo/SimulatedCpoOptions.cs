namespace Portal.Features.Demo.SimulatedCpo;

/// <summary>The "Demo:SimulatedCpo" configuration section.</summary>
internal sealed class SimulatedCpoOptions
{
    public const string Section = "Demo:SimulatedCpo";

    /// <summary>Unset: on when demo mode is on in Development, off everywhere else.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Seconds between two steps of the simulation.</summary>
    public int TickSeconds { get; set; } = 10;

    /// <summary>False: only the first step (registering) runs on its own; later steps only when called (tests).</summary>
    public bool TickInBackground { get; set; } = true;

    /// <summary>The portal's own base URL (scheme, host, port); unset: the address the server listens on.</summary>
    public string? PortalUrl { get; set; }

    /// <summary>The CPO to play, e.g. "NL*NUO"; unset: the operator with the most demo locations.</summary>
    public string? PartyId { get; set; }

    /// <summary>Serve at most this many of the CPO's demo locations (0: all).</summary>
    public int MaxLocations { get; set; }

    /// <summary>
    /// New events (a session starting, a fault, an outage) per step; 0: enough to keep about 40 % of the
    /// EVSEs busy. Sessions, faults and outages also end on their own.
    /// </summary>
    public int ChangesPerTick { get; set; }

    /// <summary>Fixed seed for a repeatable simulation; unset: a different one each start.</summary>
    public int? Seed { get; set; }

    /// <summary>Page size limit of the simulator's list endpoints (X-Limit).</summary>
    public int PageLimit { get; set; } = 50;

    /// <summary>Upper bound of the random delay before a charging-profile result is posted to the response_url.</summary>
    public int ResultDelayMilliseconds { get; set; } = 3000;

    /// <summary>Share (0 to 1) of the EVSEs that do not declare CHARGING_PROFILE_CAPABLE and answer a profile NOT_SUPPORTED; fixed per EVSE.</summary>
    public double NotCapableShare { get; set; } = 0.2;

    /// <summary>Share (0 to 1) of the EVSEs that accept a profile but keep charging at their own power (their CDRs show it); fixed per EVSE.</summary>
    public double IgnoringLimitShare { get; set; } = 0.25;

    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetSection(Section).GetValue<bool?>(nameof(Enabled));
        return configured ?? (configuration.GetValue<bool>("Demo:Enabled") && environment.IsDevelopment());
    }
}
