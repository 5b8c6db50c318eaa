using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Hosting;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Jobs;
using Portal.Resources;

namespace Portal.Features.Admin;

/// <summary>
/// An administrator's work on OCPI connections: issue a token A, register the portal with a CPO, test,
/// pull now, rotate the tokens, unregister, and send a test charging profile. Every address the CPO gets
/// from us starts with the public address (<see cref="PublicUrl"/>), never with a request's host.
/// </summary>
internal sealed class OcpiAdministration(
    OcpiConnections connections,
    OcpiPartners partners,
    OcpiPullStarter pulls,
    ChargingProfileSender profiles,
    OcpiCallStarter calls,
    OcpiConnectionQueries queries,
    PublicUrl publicUrl,
    IStringLocalizer<Texts> T)
{
    /// <summary>How long a "get active profile" looks ahead.</summary>
    public const int ActiveProfileSeconds = 3600;

    /// <summary>The portal's own versions URL, as a CPO reaches it.</summary>
    public string OurVersionsUrl => publicUrl.For("/ocpi/versions");

    /// <summary>
    /// Issues a CREDENTIALS_TOKEN_A for a CPO that will register itself. The token is in the answer only:
    /// the database keeps its hash. A refused party comes back as a message for the person.
    /// </summary>
    public async Task<TokenAOutcome> IssueTokenAAsync(string countryCode, string partyId, string name, CancellationToken ct = default)
    {
        var country = countryCode.Trim();
        var party = partyId.Trim();
        if (country.Length != 2 || !country.All(char.IsAsciiLetter))
            return TokenAOutcome.Refused(T["AdminOcpi.InvalidCountryCode"]);
        if (party.Length != 3 || !party.All(char.IsAsciiLetterOrDigit))
            return TokenAOutcome.Refused(T["AdminOcpi.InvalidPartyId"]);
        var issued = await connections.IssueTokenAAsync(country, party, name, ct);
        return issued is null
            ? TokenAOutcome.Refused(T["AdminOcpi.Duplicate"])
            : new TokenAOutcome(new IssuedTokenA(issued.ConnectionId, issued.Token, OurVersionsUrl), null);
    }

    /// <summary>
    /// Registers the portal with a CPO from the versions URL and token A the CPO gave; on a refusal the
    /// message says why, with the X-Request-ID of the call that failed.
    /// </summary>
    public async Task<RegistrationOutcome> RegisterWithCpoAsync(string versionsUrl, string tokenA, string countryCode, string partyId, string name, CancellationToken ct = default)
    {
        var outcome = await partners.RegisterAsync(versionsUrl, tokenA, countryCode, partyId, name, OurVersionsUrl, ct);
        if (outcome.Succeeded)
            return new RegistrationOutcome(outcome.ConnectionId, null);
        var problem = outcome.RequestId is null
            ? string.Format(CultureInfo.CurrentCulture, T["AdminOcpi.RegisterFailed"], outcome.Error)
            : string.Format(CultureInfo.CurrentCulture, T["AdminOcpi.RegisterFailedWithId"], outcome.Error, outcome.RequestId);
        return new RegistrationOutcome(null, problem);
    }

    /// <summary>Versions and endpoints again with our token: a failing connection that answers works again.</summary>
    public Task<PartnerOutcome> TestAsync(Guid connectionId, CancellationToken ct = default) => partners.TestAsync(connectionId, ct);

    /// <summary>Null when the scheduler took the pull (it shows in the runs when done); the report when it ran here.</summary>
    public Task<PullReport?> PullNowAsync(Guid connectionId, OcpiModule module, PullMode mode, CancellationToken ct = default) =>
        pulls.StartAsync(connectionId, module, mode, ct);

    /// <summary>Strict: objects that deviate from OCPI in any way are refused; lenient: they are stored with a data-quality finding.</summary>
    public Task<bool> SetStrictValidationAsync(Guid connectionId, bool strict, CancellationToken ct = default) =>
        connections.SetStrictValidationAsync(connectionId, strict, ct);

    /// <summary>A credentials PUT at the CPO: it gets a new token for us, we get a new one for it.</summary>
    public Task<PartnerOutcome> RotateAsync(Guid connectionId, CancellationToken ct = default) => partners.RotateAsync(connectionId, OurVersionsUrl, ct);

    /// <summary>A credentials DELETE at the CPO when we can still call it; revoked here in any case.</summary>
    public Task<PartnerOutcome> UnregisterAsync(Guid connectionId, CancellationToken ct = default) => partners.UnregisterAsync(connectionId, ct);

    /// <summary>
    /// Queues a test profile (a limit in kW or A from the start of charging), a request for the active
    /// profile, or the clearing of the profile, for one of the connection's active sessions, and hands it
    /// to the job (or sends it here when this node runs no scheduler). The request as it stands afterwards;
    /// null (and nothing sent) when the session is not one of the connection's active sessions.
    /// </summary>
    public async Task<ChargingProfileRequest?> SendProfileAsync(Guid connectionId, ProfileCommand command, string requestedBy, CancellationToken ct = default)
    {
        if (!(await queries.ActiveSessionsAsync(connectionId, ct)).Any(s => s.SessionId == command.SessionId))
            return null;
        var request = command.Action switch
        {
            ProfileAction.GetActive => await profiles.QueueGetActiveAsync(connectionId, command.SessionId, ActiveProfileSeconds, publicUrl.Root, requestedBy, ct),
            ProfileAction.Clear => await profiles.QueueClearAsync(connectionId, command.SessionId, publicUrl.Root, requestedBy, ct),
            _ => await QueueSetAsync(connectionId, command, requestedBy, ct),
        };
        return await calls.StartAsync(request, ct);
    }

    private Task<ChargingProfileRequest> QueueSetAsync(Guid connectionId, ProfileCommand command, string requestedBy, CancellationToken ct)
    {
        var limit = Math.Round(Math.Max(ProfileCommand.MinimumLimit, command.Limit), 1);
        var (value, unit) = command.Unit == ProfileUnit.Ampere ? (limit, "A") : (limit * 1000, "W");
        return profiles.QueueSetAsync(connectionId, command.SessionId, value, unit, publicUrl.Root, requestedBy, ct);
    }
}

/// <summary>A token A just issued, shown once with the versions URL the CPO registers at.</summary>
public sealed record IssuedTokenA(Guid ConnectionId, string Token, string VersionsUrl);

/// <summary>Either the token A, or why it was not issued.</summary>
public sealed record TokenAOutcome(IssuedTokenA? Issued, string? Problem)
{
    public static TokenAOutcome Refused(string problem) => new(null, problem);
}

/// <summary>Either the new connection, or why the CPO (or the portal) refused the registration.</summary>
public sealed record RegistrationOutcome(Guid? ConnectionId, string? Problem);

public enum ProfileAction
{
    Set,
    GetActive,
    Clear,
}

public enum ProfileUnit
{
    Kilowatt,
    Ampere,
}

/// <summary>What the administrator asks of a session's charging profile; <see cref="Limit"/> counts for <see cref="ProfileAction.Set"/> only.</summary>
public sealed record ProfileCommand(string SessionId, ProfileAction Action, decimal Limit = 6, ProfileUnit Unit = ProfileUnit.Kilowatt)
{
    public const decimal MinimumLimit = 0.1m;
}
