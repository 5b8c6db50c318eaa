using Portal.Domain.Common;
using Portal.Domain.TrafficOrders;
using static Portal.Domain.Tests.TrafficOrders.OrderTestData;

namespace Portal.Domain.Tests.TrafficOrders;

/// <summary>The files of an objection (attachments, hearing minutes) and the municipality an objection is numbered in.</summary>
public sealed class KeepingObjectionFilesTests
{
    private static readonly DateTime At = Noon(D(2026, 4, 1));

    [Fact]
    public void AFile_KeepsOnlyItsOwnName_NeverAPath()
    {
        var file = ObjectionDocument.Create(Guid.NewGuid(), ObjectionDocumentKind.Attachment, @"C:\Users\jan\..\foto's\situatie.pdf", "application/pdf", 2048, "key", At);

        Assert.Equal(("situatie.pdf", 2048L, ObjectionDocumentKind.Attachment), (file.FileName, file.SizeBytes, file.Kind));
        Assert.Equal("document", ObjectionDocument.Create(Guid.NewGuid(), ObjectionDocumentKind.HearingMinutes, "  ", "image/png", 1, "key", At).FileName);
    }

    [Theory]
    [InlineData(0L, DomainRule.FileEmpty)]
    [InlineData((10 * 1024 * 1024) + 1L, DomainRule.FileTooLarge)]
    public void AnEmptyOrTooLargeFile_IsRefused(long size, DomainRule rule) =>
        Assert.Equal(rule, Assert.Throws<DomainRuleViolated>(() => ObjectionDocument.Create(Guid.NewGuid(), ObjectionDocumentKind.Attachment, "a.pdf", "application/pdf", size, "key", At)).Rule);

    [Fact]
    public void ExactlyTenMegabytes_IsKept() =>
        Assert.Equal(10 * 1024 * 1024, ObjectionDocument.Create(Guid.NewGuid(), ObjectionDocumentKind.Attachment, "a.pdf", "application/pdf", 10 * 1024 * 1024, "key", At).SizeBytes);

    [Fact]
    public void AnObjection_IsNumberedInItsOrdersMunicipality()
    {
        var order = PublishedDirect();

        var objection = order.Receive(ObjectionKind.Objection, Submission(), "BZ-2026-0042", At, Calendar);

        Assert.Equal((order.MunicipalityId, order.Id, "BZ-2026-0042"), (objection.MunicipalityId, objection.TrafficOrderId, objection.Reference));
    }
}
