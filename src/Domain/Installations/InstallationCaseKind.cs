namespace Portal.Domain.Installations;

public enum InstallationCaseKind
{
    /// <summary>A new charge point on a spot ready for installation.</summary>
    NewChargePoint,

    /// <summary>An existing charge point moves to another spot (which needs its own traffic order).</summary>
    Relocation,

    /// <summary>An existing charge point is taken away (and its traffic order revoked).</summary>
    Removal,
}
