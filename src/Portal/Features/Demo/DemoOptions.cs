namespace Portal.Features.Demo;

/// <summary>The "Demo" configuration section. Demo mode must never be switched on in production.</summary>
internal sealed class DemoOptions
{
    public bool Enabled { get; set; }

    /// <summary>Password of every demo account; printed on start.</summary>
    public string? Password { get; set; }

    public string MunicipalityCode { get; set; } = "GM0202";
    public string MunicipalityName { get; set; } = "Arnhem";

    /// <summary>The operator the demo CPO user works for.</summary>
    public string OperatorName { get; set; } = "Vattenfall InCharge";
}
