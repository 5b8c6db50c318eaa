namespace Portal.Domain.Installations;

public enum InstallationCaseStatus
{
    Open,

    /// <summary>Waiting with a reason (for example no grid capacity); steps can still be reported.</summary>
    Paused,

    /// <summary>Stopped for good; the spot returns to its previous status.</summary>
    Cancelled,

    /// <summary>Every step done.</summary>
    Completed,
}
