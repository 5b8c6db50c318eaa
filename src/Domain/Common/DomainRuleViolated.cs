namespace Portal.Domain.Common;

/// <summary>A domain rule was broken; the message is meant for the person who caused it.</summary>
public sealed class DomainRuleViolated(string message) : Exception(message);
