namespace Portal.Integration.Ocpi.Pulling;

/// <summary>The CPO sender interfaces the portal pulls from.</summary>
public enum OcpiModule
{
    Locations,
    Sessions,
    Cdrs,
    Tariffs,
}

public enum PullMode
{
    /// <summary>Only what changed since the last completed pull (date_from = its date_to).</summary>
    Incremental,

    /// <summary>Everything; what is no longer listed is reconciled (EVSEs become REMOVED).</summary>
    Full,
}

public static class OcpiModules
{
    public static IReadOnlyList<OcpiModule> All { get; } = [OcpiModule.Locations, OcpiModule.Sessions, OcpiModule.Cdrs, OcpiModule.Tariffs];

    /// <summary>The OCPI ModuleID.</summary>
    public static string Identifier(this OcpiModule module) => module switch
    {
        OcpiModule.Locations => "locations",
        OcpiModule.Sessions => "sessions",
        OcpiModule.Cdrs => "cdrs",
        OcpiModule.Tariffs => "tariffs",
        _ => throw new ArgumentOutOfRangeException(nameof(module)),
    };
}
