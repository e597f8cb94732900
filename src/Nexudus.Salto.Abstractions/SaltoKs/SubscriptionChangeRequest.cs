namespace Nexudus.Salto.SaltoKs;

/// <summary>The body of <c>PATCH /v1.2/sites/{site_id}/users/{site_user_id}/subscription</c>.</summary>
/// <remarks>
/// The field is <c>state</c>; sending <c>subscription_state</c>, as the site user reads, gives 400 <c>1101</c>.
/// </remarks>
internal sealed record SubscriptionChangeRequest
{
    /// <summary>Gets the state to move the user to.</summary>
    public required SubscriptionState State { get; init; }
}
