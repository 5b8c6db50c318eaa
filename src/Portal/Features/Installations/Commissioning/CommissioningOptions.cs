namespace Portal.Features.Installations.Commissioning;

/// <summary>The "Installations" configuration section, as far as commissioning reads it.</summary>
internal sealed class CommissioningOptions
{
    /// <summary>How far an OCPI location of the case's CPO may lie from the spot to be proposed as its charge point, in metres.</summary>
    public double CommissioningMaxDistanceMetres { get; set; } = Domain.Installations.CommissioningMatch.DefaultMaxDistanceMetres;
}
