using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Integration.Ocpi.Receiving.Bulk;

/// <summary>
/// Inserts many rows of a mapped entity in few statements, without the change tracker, on the context's
/// connection and in its current transaction (<see cref="BulkWriter.For"/> picks the provider's way).
/// </summary>
internal interface IBulkWriter
{
    /// <summary>Inserts every row; <paramref name="valueOf"/> may give a column's value instead of the entity (null: the entity's).</summary>
    Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct, Func<T, IProperty, object?>? valueOf = null)
        where T : class;

    /// <summary>Inserts the rows whose primary key is not stored yet; the others are left as they are.</summary>
    Task InsertMissingAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class;

    /// <summary>Inserts every row and returns the named properties' stored values of each (in no promised order).</summary>
    Task<IReadOnlyList<object[]>> InsertReturningAsync<T>(IReadOnlyList<T> rows, IReadOnlyList<string> returned, CancellationToken ct, Func<T, IProperty, object?>? valueOf = null)
        where T : class;
}
