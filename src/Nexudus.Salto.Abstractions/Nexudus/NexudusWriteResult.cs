using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The envelope Nexudus returns for POST, PUT and DELETE.
/// </summary>
/// <remarks>
/// HTTP 200 does not mean success: always check <see cref="WasSuccessful"/> (check-ins can fail
/// business rules with HTTP 200). Validation failures come with HTTP 400 and <see cref="Errors"/>.
/// </remarks>
internal sealed record NexudusWriteResult
{
    /// <summary>Gets the HTTP-like status Nexudus reports in the body.</summary>
    public int? Status { get; init; }

    /// <summary>Gets the summary message; on a validation failure, <c>PropertyName: error message</c>.</summary>
    public string? Message { get; init; }

    /// <summary>
    /// Gets the record written; only its <see cref="NexudusWriteValue.Id"/> is read, because POST
    /// and PUT return different shapes. <see langword="null"/> on failure.
    /// </summary>
    public NexudusWriteValue? Value { get; init; }

    /// <summary>Gets whether the write succeeded.</summary>
    public bool WasSuccessful { get; init; }

    /// <summary>Gets the validation errors; <see langword="null"/> on success.</summary>
    public IReadOnlyList<NexudusValidationError>? Errors { get; init; }

    /// <summary>Gets when the record was written (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? UpdatedOn { get; init; }

    /// <summary>Gets who wrote the record (usually the user's email).</summary>
    public string? UpdatedBy { get; init; }
}
