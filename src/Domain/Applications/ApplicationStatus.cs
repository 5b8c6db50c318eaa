namespace Portal.Domain.Applications;

/// <summary>Where a resident's application for a public charge point stands.</summary>
public enum ApplicationStatus
{
    /// <summary>Being filled in by the resident; not yet received by the municipality.</summary>
    Draft,

    /// <summary>Received; the decision deadline runs from here.</summary>
    Submitted,

    /// <summary>An officer is assessing it.</summary>
    InAssessment,

    /// <summary>The officer asked the resident for more information; the deadline is paused.</summary>
    WaitingForInformation,

    /// <summary>A new charge point will be placed for it.</summary>
    Approved,

    /// <summary>An existing (or planned) charge point nearby serves the applicant.</summary>
    ReferredToExistingPoint,

    /// <summary>Refused with a reason.</summary>
    Rejected,

    /// <summary>Withdrawn by the resident.</summary>
    Withdrawn,
}
