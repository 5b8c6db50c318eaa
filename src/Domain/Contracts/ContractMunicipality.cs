namespace Portal.Domain.Contracts;

/// <summary>A municipality a (regional) contract is with. One of them is the lead, whose officers edit the contract.</summary>
public sealed class ContractMunicipality
{
    private ContractMunicipality() { }

    public Guid ContractId { get; private set; }
    public Guid MunicipalityId { get; private set; }

    internal static ContractMunicipality Of(Guid contractId, Guid municipalityId) => new() { ContractId = contractId, MunicipalityId = municipalityId };
}
