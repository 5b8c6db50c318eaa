using Portal.Domain.Installations;

namespace Portal.Domain.Tests.Installations;

internal static class InstallationTestData
{
    public static readonly Guid Cpo = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    public static readonly InstallationActor Officer = new("officer-1", "Ambtenaar Arnhem");
    public static readonly InstallationActor CpoUser = new("cpo-1", "Planner CPO");

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Noon in the Netherlands in winter (UTC+1), so the Dutch day is the day itself.</summary>
    public static DateTime Noon(DateOnly day) => day.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);

    public static InstallationCase Opened(DateOnly on, string reference = "IN-2026-0001") =>
        InstallationCase.Open(Guid.NewGuid(), reference, InstallationCaseKind.NewChargePoint, Guid.NewGuid(), Cpo, null, Officer, Noon(on));

    public static InstallationCase Accepted(DateOnly on, DateOnly acceptedOn)
    {
        var c = Opened(on);
        c.Report(InstallationStep.AcceptedByCpo, acceptedOn, null, CpoUser, acceptedOn, Noon(acceptedOn));
        return c;
    }
}
