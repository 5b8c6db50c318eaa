namespace Portal.Integration.Changes;

/// <summary>
/// What an open back-office page can follow live. Coarse on purpose: a page that hears its topic
/// changed reloads the one page of rows it shows, which is cheap, and a short list keeps the
/// signal table (one row per topic) and its polling trivial.
/// </summary>
public enum ChangeTopic
{
    Applications,
    Spots,
    ChargePoints,
    OcpiConnections,
    Municipalities,
}
