using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>The body of a SALTO KS error response: <c>{"ErrorCode": "2202", "Message": "User not found"}</c>.</summary>
/// <remarks>
/// The members are PascalCase on the wire, unlike the rest of the API. The v2 permission endpoints
/// answer with RFC 7807 problem details instead, which this type does not model.
/// </remarks>
internal sealed record SaltoKsErrorBody
{
    /// <summary>Gets the service error code, e.g. <c>2202</c> (not found) or <c>1101</c> (invalid parameter).</summary>
    /// <value>Always text: a numeric <c>ErrorCode</c> is read as its digits.</value>
    [JsonPropertyName("ErrorCode")]
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    public string? ErrorCode { get; init; }

    /// <summary>Gets the service's description of the error.</summary>
    [JsonPropertyName("Message")]
    public string? Message { get; init; }
}
