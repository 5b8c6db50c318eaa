namespace Portal.Domain.Applications;

/// <summary>The steps of the application form, in the order the resident fills them in.</summary>
public enum ApplicationStep
{
    Address,
    Car,
    Proof,
    Declarations,
    Consent,
}
