namespace Portal.Tests.Infrastructure;

/// <summary>The demo log-ins the portal creates in demo mode.</summary>
public static class DemoAccounts
{
    public const string Resident = "bewoner@demo.example";
    public const string Officer = "ambtenaar@demo.example";
    public const string Cpo = "cpo@demo.example";
    public const string Admin = "beheerder@demo.example";
}
