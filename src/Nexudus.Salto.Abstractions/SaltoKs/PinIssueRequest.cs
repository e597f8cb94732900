namespace Nexudus.Salto.SaltoKs;

/// <summary>The body of <c>PUT /v1.2/sites/{site_id}/users/{site_user_id}/pin</c>: <c>{}</c> or <c>{"expiry_date": "…Z"}</c>.</summary>
/// <remarks>SALTO KS chooses the PIN and answers it as a bare JSON string; each call issues a new one.</remarks>
internal sealed record PinIssueRequest
{
    /// <summary>Gets when the PIN stops opening (sent in UTC with <c>Z</c>); left out of the body when unset.</summary>
    /// <value><see langword="null"/> for a PIN without its own expiry.</value>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ExpiryDate { get; init; }
}
