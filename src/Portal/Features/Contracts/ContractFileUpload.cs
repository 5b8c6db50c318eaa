using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Integration.Documents;
using Portal.Resources;

namespace Portal.Features.Contracts;

/// <summary>
/// What every file given to a contract (evidence, the contract's documents) goes through: the types a dialog offers
/// and checks first, then the document store's limit and signature check, and the step that records the file. When
/// the store refuses the file or that step breaks a rule, the reader gets the problem in their language and no file
/// stays behind; the same when the step fails otherwise (then the exception goes on).
/// </summary>
internal sealed class ContractFileUpload(DocumentStore documents, IStringLocalizer<Texts> T)
{
    /// <summary>The extensions a dialog accepts before sending; the bytes decide (<see cref="FileSignature"/>).</summary>
    public static readonly IReadOnlyCollection<string> Extensions = [".pdf", ".png", ".jpg", ".jpeg"];

    /// <summary>The file picker's accept attribute for <see cref="Extensions"/>.</summary>
    public const string Accept = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

    /// <summary>Stores the file and runs <paramref name="record"/> with it (which adds and saves what refers to it).</summary>
    public Task<(Guid? Id, string? Problem)> StoreAsync(Stream content, long maxBytes, Func<StoredDocument, Task<Guid>> record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return StoreAllAsync([content], maxBytes, stored => record(stored[0]), ct);
    }

    /// <summary>Stores every file (each checked alone) and runs <paramref name="record"/> with them; a refused one leaves none behind.</summary>
    public async Task<(Guid? Id, string? Problem)> StoreAllAsync(IReadOnlyList<Stream> contents, long maxBytes, Func<IReadOnlyList<StoredDocument>, Task<Guid>> record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(record);
        var stored = new List<StoredDocument>();
        void DeleteStored() => stored.ForEach(s => documents.Delete(s.Key));
        try
        {
            foreach (var content in contents)
                stored.Add(await documents.SaveAsync(content, maxBytes, ct));
        }
        catch (DocumentRefused e)
        {
            DeleteStored();
            return (null, T[$"Evidence.File.{e.Reason}", maxBytes / (1024 * 1024)]);
        }
        catch
        {
            DeleteStored();
            throw;
        }
        try
        {
            return (await record(stored), null);
        }
        catch (DomainRuleViolated e)
        {
            DeleteStored();
            return (null, RuleMessages.Text(T, e));
        }
        catch
        {
            DeleteStored();
            throw;
        }
    }
}
