using Microsoft.Extensions.Localization;
using Portal.Domain.Installations;
using Portal.Resources;

namespace Portal.Features.Installations;

/// <summary>A step's name in the reader's language; a removal's placing steps read "removed".</summary>
internal static class StepNames
{
    public static string Of(IStringLocalizer<Texts> T, InstallationStep step, InstallationCaseKind kind = InstallationCaseKind.NewChargePoint) =>
        kind == InstallationCaseKind.Removal && step is InstallationStep.ChargePointPlaced or InstallationStep.SignsPlaced
            ? T[$"InstallationStep.Removal.{step}"]
            : T[$"InstallationStep.{step}"];
}
