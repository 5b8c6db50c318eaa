using Portal.Domain.Accounts;
using static Portal.Domain.Accounts.StaffAssignmentProblem;

namespace Portal.Domain.Tests.Accounts;

public sealed class AssigningStaffTests
{
    private static readonly Guid Arnhem = Guid.NewGuid();
    private static readonly Guid Vattenfall = Guid.NewGuid();

    [Fact]
    public void OfficerWithAMunicipality_IsValid() =>
        Assert.Empty(new StaffAssignment(PortalRoles.Officer, [Arnhem], null).Check());

    [Fact]
    public void OfficerWithoutMunicipality_NeedsOne() =>
        Assert.Equal([OfficerNeedsMunicipality], new StaffAssignment(PortalRoles.Officer, [], null).Check());

    [Fact]
    public void OfficerWithAnOperator_IsRefused() =>
        Assert.Equal([OfficerCannotBelongToOperator], new StaffAssignment(PortalRoles.Officer, [Arnhem], Vattenfall).Check());

    [Fact]
    public void CpoUserWithAnOperator_IsValid() =>
        Assert.Empty(new StaffAssignment(PortalRoles.CpoUser, [], Vattenfall).Check());

    [Fact]
    public void CpoUserWithoutOperatorButWithMunicipality_GetsBothProblems() =>
        Assert.Equal([CpoUserNeedsOperator, CpoUserCannotBelongToMunicipality], new StaffAssignment(PortalRoles.CpoUser, [Arnhem], null).Check());

    [Fact]
    public void AdminWithoutTenant_IsValid() =>
        Assert.Empty(new StaffAssignment(PortalRoles.Admin, [], null).Check());

    [Fact]
    public void AdminWithATenant_IsRefused() =>
        Assert.Equal([AdminBelongsToNoTenant], new StaffAssignment(PortalRoles.Admin, [Arnhem], null).Check());

    [Theory]
    [InlineData(PortalRoles.Resident)]
    [InlineData("Superuser")]
    [InlineData("")]
    public void RolesAnAdminDoesNotHandOut_AreRefused(string role) =>
        Assert.Equal([RoleNotAssignable], new StaffAssignment(role, [], null).Check());
}
