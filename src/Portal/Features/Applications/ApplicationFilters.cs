using System.Linq.Expressions;
using Portal.Domain.Applications;

namespace Portal.Features.Applications;

/// <summary>Conditions on applications that queries of both the resident's and the officer's side run in the database.</summary>
internal static class ApplicationFilters
{
    /// <summary>Submitted, in assessment or waiting for information: the statuses an officer still has to act on.</summary>
    public static readonly Expression<Func<Application, bool>> IsOpen = a =>
        a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InAssessment || a.Status == ApplicationStatus.WaitingForInformation;
}
