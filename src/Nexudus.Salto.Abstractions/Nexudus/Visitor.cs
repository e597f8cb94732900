using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// An expected visitor of a location, from <c>/api/spaces/visitors</c>: who is coming, when, and whether the customer
/// hosting them approved the visit. With <c>VisitorGroups</c> configured for the location, an approved visitor gets a
/// SALTO KS guest user for the day of the visit.
/// </summary>
public sealed record Visitor : NexudusEntity
{
    /// <summary>Gets the id of the location the visitor comes to.</summary>
    public long? BusinessId { get; init; }

    /// <summary>Gets the visitor's full name.</summary>
    public string? FullName { get; init; }

    /// <summary>Gets the visitor's e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the id of the customer who hosts the visitor.</summary>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the host's full name.</summary>
    public string? CoworkerFullName { get; init; }

    /// <summary>Gets the visitor's company.</summary>
    public string? CompanyName { get; init; }

    /// <summary>Gets when the visitor is expected (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? ExpectedArrival { get; init; }

    /// <summary>Gets when the visitor is expected, on the location's wall clock.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? ExpectedArrivalLocal { get; init; }

    /// <summary>Gets whether the host approved the visit.</summary>
    public HostApprovalStatus? HostApprovalStatus { get; init; }

    /// <summary>Gets whether the visitor has arrived.</summary>
    public bool? Arrived { get; init; }
}
