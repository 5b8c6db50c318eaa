namespace Portal.Domain.Accounts;

/// <summary>
/// Which tenants a staff account belongs to. Officers work for one or more municipalities,
/// CPO users for exactly one operator organisation, administrators for the whole installation.
/// </summary>
public sealed record StaffAssignment(string Role, IReadOnlyCollection<Guid> MunicipalityIds, Guid? OperatorId)
{
    /// <summary>Returns the problems with this assignment; empty when it is valid.</summary>
    public IReadOnlyList<StaffAssignmentProblem> Check()
    {
        var problems = new List<StaffAssignmentProblem>();
        switch (Role)
        {
            case PortalRoles.Officer:
                if (MunicipalityIds.Count == 0)
                    problems.Add(StaffAssignmentProblem.OfficerNeedsMunicipality);
                if (OperatorId is not null)
                    problems.Add(StaffAssignmentProblem.OfficerCannotBelongToOperator);
                break;
            case PortalRoles.CpoUser:
                if (OperatorId is null)
                    problems.Add(StaffAssignmentProblem.CpoUserNeedsOperator);
                if (MunicipalityIds.Count > 0)
                    problems.Add(StaffAssignmentProblem.CpoUserCannotBelongToMunicipality);
                break;
            case PortalRoles.Admin:
                if (MunicipalityIds.Count > 0 || OperatorId is not null)
                    problems.Add(StaffAssignmentProblem.AdminBelongsToNoTenant);
                break;
            default:
                problems.Add(StaffAssignmentProblem.RoleNotAssignable);
                break;
        }
        return problems;
    }
}

public enum StaffAssignmentProblem
{
    RoleNotAssignable,
    OfficerNeedsMunicipality,
    OfficerCannotBelongToOperator,
    CpoUserNeedsOperator,
    CpoUserCannotBelongToMunicipality,
    AdminBelongsToNoTenant,
}
