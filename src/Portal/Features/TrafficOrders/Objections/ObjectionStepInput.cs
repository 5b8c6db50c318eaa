using Microsoft.AspNetCore.Components.Forms;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;

namespace Portal.Features.TrafficOrders.Objections;

/// <summary>Which step <see cref="ObjectionStepDialog"/> asks for.</summary>
public enum ObjectionStepKind
{
    Confirm,
    Admissibility,
    Hearing,
    Minutes,
    Defer,
    Decide,
    ConsiderView,
}

/// <summary>What the officer entered in <see cref="ObjectionStepDialog"/>; each step reads its own fields.</summary>
public sealed class ObjectionStepInput
{
    public bool? Admissible { get; set; }
    public string? Text { get; set; }
    public DateTime? Date { get; set; }
    public DeferralGround? Ground { get; set; }
    public IBrowserFile? File { get; set; }
    public ObjectionOutcome? Outcome { get; set; }
    public ObjectionConsequence? Consequence { get; set; }
}
