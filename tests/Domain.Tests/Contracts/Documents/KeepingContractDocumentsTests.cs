using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Documents;
using static Portal.Domain.Tests.Contracts.ContractTestData;

namespace Portal.Domain.Tests.Contracts.Documents;

public sealed class KeepingContractDocumentsTests
{
    private static readonly ContractDocumentFile Pdf = new("C:\\scans\\concessie getekend.pdf", "application/pdf", 48_213, new string('a', 48));
    private static readonly DateTime Later = Now.AddHours(3);

    private static (Contract Contract, ContractVersion Version) Signed()
    {
        var contract = DraftContract();
        var version = contract.Versions[0];
        contract.Sign(version.Id, new DateOnly(2026, 3, 1), "J. Jansen, wethouder", Officer, Now);
        return (contract, version);
    }

    [Fact]
    public void ADocument_IsAddedToAVersion_WithItsFile_AndTheAdditionInTheContractsHistory()
    {
        var (contract, version) = Signed();

        var document = ContractDocument.Add(contract, ContractDocumentKind.SignedContract, "  Concessieovereenkomst getekend ", version.Id, Pdf, Officer, Later);

        Assert.Equal((contract.Id, version.Id, (int?)1), (document.ContractId, document.VersionId, document.VersionNumber));
        Assert.Equal("Concessieovereenkomst getekend", document.Title);
        // Only the name of the file, never the path it was sent with.
        Assert.Equal("concessie getekend.pdf", document.FileName);
        Assert.Equal((48_213L, "application/pdf", Later, "Anna de Vries"), (document.SizeBytes, document.ContentType, document.UploadedAtUtc, document.UploadedByName));
        Assert.False(document.IsRemoved);
        var entry = contract.History[^1];
        Assert.Equal((ContractChangeKind.DocumentAdded, (int?)1, Later), (entry.Kind, entry.VersionNumber, entry.AtUtc));
        Assert.Equal("SignedContract Concessieovereenkomst getekend; concessie getekend.pdf; 48213 bytes", entry.Detail);
        Assert.Equal(Later, contract.UpdatedAtUtc);
    }

    [Fact]
    public void ADocument_NeedsATitle_AVersionOfThisContract_AndAFileWithinTheLimit()
    {
        var contract = DraftContract();
        var other = DraftContract();

        Assert.Equal(DomainRule.ContractDocumentTitleMissing,
            Assert.Throws<DomainRuleViolated>(() => ContractDocument.Add(contract, ContractDocumentKind.Annex, "   ", null, Pdf, Officer, Now)).Rule);
        Assert.Equal(DomainRule.ContractTextTooLong,
            Assert.Throws<DomainRuleViolated>(() => ContractDocument.Add(contract, ContractDocumentKind.Annex, new string('x', 201), null, Pdf, Officer, Now)).Rule);
        Assert.Equal(DomainRule.ContractDocumentVersionUnknown,
            Assert.Throws<DomainRuleViolated>(() => ContractDocument.Add(contract, ContractDocumentKind.Annex, "Bijlage", other.Versions[0].Id, Pdf, Officer, Now)).Rule);
        Assert.Equal(DomainRule.FileEmpty,
            Assert.Throws<DomainRuleViolated>(() => ContractDocument.Add(contract, ContractDocumentKind.Annex, "Bijlage", null, Pdf with { SizeBytes = 0 }, Officer, Now)).Rule);
        // 10 MB is 10 × 1024 × 1024 = 10,485,760 bytes: one byte more is refused, exactly that is taken.
        Assert.Equal(DomainRule.FileTooLarge,
            Assert.Throws<DomainRuleViolated>(() => ContractDocument.Add(contract, ContractDocumentKind.Annex, "Bijlage", null, Pdf with { SizeBytes = 10_485_761 }, Officer, Now)).Rule);
        Assert.Equal(10_485_760, ContractDocument.Add(contract, ContractDocumentKind.Annex, "Bijlage", null, Pdf with { SizeBytes = 10_485_760 }, Officer, Now).SizeBytes);
        // Only the one that was taken is in the history, after the creation.
        Assert.Equal([ContractChangeKind.Created, ContractChangeKind.DocumentAdded], contract.History.Select(h => h.Kind));
    }

    [Fact]
    public void ADocumentOfASignedVersion_IsFrozenWithIt_AndCannotBeRemoved()
    {
        var (contract, version) = Signed();
        var document = ContractDocument.Add(contract, ContractDocumentKind.SignedContract, "Getekend contract", version.Id, Pdf, Officer, Later);

        var e = Assert.Throws<DomainRuleViolated>(() => document.Remove(contract, "Verkeerde scan", Officer, Later.AddMinutes(5)));

        Assert.Equal(DomainRule.ContractDocumentFrozen, e.Rule);
        Assert.Equal(1, Assert.Single(e.Arguments));
        Assert.False(document.IsRemoved);
        Assert.Equal(ContractChangeKind.DocumentAdded, contract.History[^1].Kind);
    }

    [Fact]
    public void ADocumentOfADraftVersion_IsRemovedWithAReason_ButBecomesFrozenOnceTheVersionIsSigned()
    {
        var contract = DraftContract();
        var draft = contract.Versions[0];
        var removable = ContractDocument.Add(contract, ContractDocumentKind.Annex, "Bijlage 1: locaties", draft.Id, Pdf, Officer, Now);
        var kept = ContractDocument.Add(contract, ContractDocumentKind.Annex, "Bijlage 2: tarieven", draft.Id, Pdf, Officer, Now);

        Assert.Equal(DomainRule.ContractDocumentRemovalNeedsReason,
            Assert.Throws<DomainRuleViolated>(() => removable.Remove(contract, "  ", Officer, Later)).Rule);
        removable.Remove(contract, "Vervangen door een nieuwe versie", Officer, Later);

        Assert.True(removable.IsRemoved);
        Assert.Equal((Later, "officer-1", "Anna de Vries", "Vervangen door een nieuwe versie"),
            (removable.RemovedAtUtc!.Value, removable.RemovedByUserId, removable.RemovedByName, removable.RemovalReason));
        var entry = contract.History[^1];
        Assert.Equal((ContractChangeKind.DocumentRemoved, (int?)1), (entry.Kind, entry.VersionNumber));
        Assert.Equal("Annex Bijlage 1: locaties: Vervangen door een nieuwe versie", entry.Detail);
        Assert.Equal(DomainRule.ContractDocumentAlreadyRemoved,
            Assert.Throws<DomainRuleViolated>(() => removable.Remove(contract, "Nog eens", Officer, Later)).Rule);

        contract.Sign(draft.Id, new DateOnly(2026, 3, 1), "J. Jansen, wethouder", Officer, Later);
        Assert.Equal(DomainRule.ContractDocumentFrozen, Assert.Throws<DomainRuleViolated>(() => kept.Remove(contract, "Toch niet", Officer, Later)).Rule);
    }

    [Fact]
    public void ADocumentOfTheWholeContract_OrOfADraftAmendment_CanBeRemovedAfterSigning()
    {
        var (contract, _) = Signed();
        var general = ContractDocument.Add(contract, ContractDocumentKind.Other, "Correspondentie", null, Pdf, Officer, Later);
        // The amendment starts 1 January 2028, inside version 1's run (1 April 2026 to 31 March 2034).
        var amendment = contract.DraftAmendment(new DateOnly(2028, 1, 1), Officer, Later);
        var ofAmendment = ContractDocument.Add(contract, ContractDocumentKind.Amendment, "Wijziging tarieven", amendment.Id, Pdf, Officer, Later);

        general.Remove(contract, "Hoort bij een ander dossier", Officer, Later);
        ofAmendment.Remove(contract, "Concept vervangen", Officer, Later);

        Assert.True(general.IsRemoved);
        Assert.Equal((int?)2, ofAmendment.VersionNumber);
        Assert.True(ofAmendment.IsRemoved);
        Assert.Equal([ContractChangeKind.DocumentRemoved, ContractChangeKind.DocumentRemoved], contract.History.TakeLast(2).Select(h => h.Kind));
    }

    [Fact]
    public void ADocument_IsRemovedOnlyThroughItsOwnContract()
    {
        var contract = DraftContract();
        var document = ContractDocument.Add(contract, ContractDocumentKind.Annex, "Bijlage", null, Pdf, Officer, Now);

        Assert.Throws<DomainRuleViolated>(() => document.Remove(DraftContract(), "Weg", Officer, Later));
        Assert.False(document.IsRemoved);
    }
}
