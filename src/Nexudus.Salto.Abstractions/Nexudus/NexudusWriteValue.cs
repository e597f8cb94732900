namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The <c>Value</c> of a <see cref="NexudusWriteResult"/>, reduced to the one field both POST and
/// PUT return.
/// </summary>
internal sealed record NexudusWriteValue
{
    /// <summary>Gets the id of the record created, updated or deleted.</summary>
    public long Id { get; init; }
}
