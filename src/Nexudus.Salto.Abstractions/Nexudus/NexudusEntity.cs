using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The fields every Nexudus Spaces record carries.
/// </summary>
public abstract record NexudusEntity
{
    /// <summary>
    /// Gets the record's id. Real ids are close to <see cref="int.MaxValue"/>, hence <see cref="long"/>.
    /// </summary>
    /// <value>
    /// Zero for a record not yet created; a zero id is left out when serialising, because a create
    /// (POST) body carries no <c>Id</c>.
    /// </value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Id { get; init; }

    /// <summary>Gets the record's GUID, which other records use for GUID links.</summary>
    [JsonConverter(typeof(NexudusGuidConverter))]
    public Guid? UniqueId { get; init; }

    /// <summary>Gets when the record was created (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>Gets when the record was last changed (UTC); the basis of incremental sync.</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? UpdatedOn { get; init; }

    /// <summary>Gets who last changed the record (usually the user's email).</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>Gets free text reserved for API callers, for example an external system's key.</summary>
    public string? SystemId { get; init; }
}
