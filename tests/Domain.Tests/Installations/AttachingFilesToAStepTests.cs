using Portal.Domain.Common;
using Portal.Domain.Installations;
using static Portal.Domain.Tests.Installations.InstallationTestData;

namespace Portal.Domain.Tests.Installations;

public sealed class AttachingFilesToAStepTests
{
    private static readonly DateOnly Today = D(2026, 12, 7);
    private static readonly string Key = new('a', 48);

    [Fact]
    public void APhoto_IsAttachedToItsStep_WithWhoAndWhen_AndTheCaseHistoryNamesTheFile()
    {
        var c = Accepted(D(2026, 11, 2), D(2026, 11, 3));

        // The name loses the folder the browser may send with it: "C:\fotos\paal.jpg" is "paal.jpg".
        var photo = InstallationAttachment.Attach(c, InstallationStep.ChargePointPlaced, new InstallationFile(@"C:\fotos\paal.jpg", "image/jpeg", 2048, Key), CpoUser, Noon(Today));

        Assert.Equal((c.Id, InstallationStep.ChargePointPlaced, "paal.jpg", 2048L, "Planner CPO", Noon(Today)),
            (photo.CaseId, photo.Step, photo.FileName, photo.SizeBytes, photo.UploadedByName, photo.UploadedAtUtc));
        Assert.True(photo.IsImage);
        var entry = c.History[^1];
        Assert.Equal((InstallationChangeKind.AttachmentAdded, (InstallationStep?)InstallationStep.ChargePointPlaced, "paal.jpg"), (entry.Kind, entry.Step, entry.Text));
    }

    [Fact]
    public void AnEmptyFile_OneAboveTenMegabytes_AndAFileForAClosedCase_AreRefused()
    {
        var c = Accepted(D(2026, 11, 2), D(2026, 11, 3));

        var empty = Assert.Throws<DomainRuleViolated>(() => InstallationAttachment.Attach(c, InstallationStep.NeighboursInformed, new InstallationFile("brief.pdf", "application/pdf", 0, Key), CpoUser, Noon(Today)));
        // 10 MB is 10 x 1024 x 1024 = 10,485,760 bytes; one byte more is too many.
        var large = Assert.Throws<DomainRuleViolated>(() => InstallationAttachment.Attach(c, InstallationStep.NeighboursInformed, new InstallationFile("brief.pdf", "application/pdf", 10_485_761, Key), CpoUser, Noon(Today)));
        var exactly = InstallationAttachment.Attach(c, InstallationStep.NeighboursInformed, new InstallationFile("brief.pdf", "application/pdf", 10_485_760, Key), CpoUser, Noon(Today));
        c.Cancel("Plek vervalt", Officer, Noon(Today));
        var closed = Assert.Throws<DomainRuleViolated>(() => InstallationAttachment.Attach(c, InstallationStep.NeighboursInformed, new InstallationFile("brief.pdf", "application/pdf", 100, Key), CpoUser, Noon(Today)));

        Assert.Equal((DomainRule.FileEmpty, DomainRule.FileTooLarge, DomainRule.InstallationCaseClosed), (empty.Rule!.Value, large.Rule!.Value, closed.Rule!.Value));
        Assert.Equal(10, large.Arguments[0]);
        Assert.False(exactly.IsImage);
        // Opened, accepted, the one attachment that was accepted, cancelled: the refused ones left no trace.
        Assert.Equal([InstallationChangeKind.Opened, InstallationChangeKind.StepReported, InstallationChangeKind.AttachmentAdded, InstallationChangeKind.Cancelled], c.History.Select(h => h.Kind));
    }
}
