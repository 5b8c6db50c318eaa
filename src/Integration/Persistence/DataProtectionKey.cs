namespace Portal.Integration.Persistence;

/// <summary>One ASP.NET Core data-protection key ring element, shared by every portal node.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
