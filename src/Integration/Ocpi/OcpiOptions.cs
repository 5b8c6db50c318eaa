namespace Portal.Integration.Ocpi;

/// <summary>The "Ocpi" configuration section: who the portal is as an OCPI party.</summary>
public sealed class OcpiOptions
{
    public string CountryCode { get; set; } = "NL";

    /// <summary>The portal's own party id (CiString(3)), agreed with each CPO.</summary>
    public string PartyId { get; set; } = "LPP";

    public string Name { get; set; } = "Laadpuntenportaal";
}
