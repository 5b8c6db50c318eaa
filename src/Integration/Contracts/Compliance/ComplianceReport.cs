namespace Portal.Integration.Contracts.Compliance;

/// <summary>
/// A contract's compliance overview, already in the reader's words: a title and lines of facts, then sections
/// (requirements with state and reason, evidence, findings) whose lines share one set of column headers.
/// </summary>
public sealed record ComplianceReport(string Title, IReadOnlyList<string> Facts, IReadOnlyList<string> Headers, IReadOnlyList<ComplianceSection> Sections, string Footer);

/// <summary>One part of the overview; <see cref="Empty"/> is said when it has no lines.</summary>
public sealed record ComplianceSection(string Heading, IReadOnlyList<IReadOnlyList<string>> Lines, string Empty);
