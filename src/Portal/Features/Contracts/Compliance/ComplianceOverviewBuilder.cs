using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Features.Contracts.Evidence;
using Portal.Integration.Contracts.Compliance;
using Portal.Resources;

namespace Portal.Features.Contracts.Compliance;

/// <summary>
/// A contract's compliance overview in the reader's language, for the CSV and PDF exports: every requirement attached
/// to the version in force (else the latest signed, else the draft) with its state and reason today, the evidence with
/// its status, and the findings. Null when the reader may not see the contract.
/// </summary>
internal sealed class ComplianceOverviewBuilder(ContractQueries contracts, EvidenceQueries evidence, Protocols.ContractProtocolUpdates protocolUpdates, IStringLocalizer<Texts> T)
{
    public string SectionHeader => T["Compliance.Section"];

    public async Task<(ComplianceReport Report, string FileName)?> BuildAsync(ClaimsPrincipal user, Guid contractId, CancellationToken ct = default)
    {
        var view = await contracts.ViewAsync(user, contractId, ct);
        var overview = await evidence.OverviewAsync(user, contractId, ct);
        if (view is null || overview is null)
            return null;
        var contract = view.Contract;
        var version = contract.VersionInForceOn(view.Today) ?? contract.LatestSigned ?? contract.DraftVersion ?? contract.Versions.MaxBy(v => v.Number)!;
        var states = await contracts.RequirementStatesAsync(view, version, ct);

        var requirements = states.Select(row => (IReadOnlyList<string>)
        [
            $"{row.Attached.SetId} {row.Attached.Code}",
            T[$"RequirementStateKind.{row.State.Kind}"],
            $"{RequirementStateTexts.Reason(T, row.State)} ({T[$"VerificationKind.{row.Attached.Verification}"]})",
            row.State.Day is { } day ? Format.Date(day) : "",
        ]).ToList();
        var given = overview.Evidence.Select(e => (IReadOnlyList<string>)
        [
            $"{e.SetId} {e.Code}",
            EvidenceTexts.Decision(T, e, overview.Today),
            string.Join("; ", new[] { T[$"EvidenceKind.{e.Kind}"].Value, e.Title, e.Issuer, e.Standard, EvidenceTexts.Covers(T, e), e.DecisionReason }.Where(s => !string.IsNullOrEmpty(s))),
            $"{Format.Date(e.IssuedOn)} – {(e.ExpiresOn is { } expires ? Format.Date(expires) : T["Evidence.NoExpiry"])}",
        ]).ToList();
        var findings = overview.Findings.Select(f => (IReadOnlyList<string>)
        [
            f.Code is null ? "" : $"{f.SetId} {f.Code}",
            T[$"ContractFindingKind.{f.Kind}"],
            EvidenceTexts.Finding(T, f, overview.Evidence),
            Format.Date(f.FoundOn),
        ]).ToList();

        var protocols = (await protocolUpdates.ComputeAsync([contract], view.Today, ct))[contract.Id].Select(u => (IReadOnlyList<string>)
        [
            $"{u.Requirement.SetId} {u.Requirement.Code} · {u.Name}",
            T[$"ProtocolUpdateState.{u.State}"],
            string.Join("; ", new[] { Protocols.ProtocolUpdateTexts.Term(T, u), Protocols.ProtocolUpdateTexts.Detail(T, u, view.Today),
                u.ClosedByTitle is { } title ? T["ProtocolUpdates.ClosedByOn", title, Format.Date(u.ClosedOn!.Value)].Value : null }.Where(s => !string.IsNullOrEmpty(s))),
            Format.Date(u.DueOn),
        ]).ToList();

        var members = string.Join(", ", contract.MunicipalityIds.Select(id => view.MunicipalityNames.GetValueOrDefault(id, "?")).Order(StringComparer.CurrentCulture));
        var report = new ComplianceReport(
            T["Compliance.ReportTitle", contract.Reference, view.OperatorName],
            [
                T["Compliance.Municipalities", members],
                T["Compliance.Version", version.Number, Format.Date(version.StartsOn), Format.Date(version.EndsOn)],
                T["Compliance.Day", Format.Date(view.Today)],
            ],
            [T["Compliance.Requirement"], T["Compliance.Status"], T["Compliance.Detail"], T["Compliance.Date"]],
            [
                new ComplianceSection(T["Compliance.Requirements"], requirements, T["Contract.NoRequirements"]),
                new ComplianceSection(T["Compliance.Evidence"], given, T["Evidence.None"]),
                new ComplianceSection(T["ProtocolUpdates.Title"], protocols, T["ProtocolUpdates.None"]),
                new ComplianceSection(T["Finding.Title"], findings, T["Finding.None"]),
            ],
            contract.Reference);
        var name = string.Concat(contract.Reference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        return (report, string.Create(CultureInfo.InvariantCulture, $"naleving-{name}-{view.Today:yyyy-MM-dd}"));
    }

}
