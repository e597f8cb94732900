using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>What <see cref="IdentityMatcher"/> found for one site.</summary>
internal sealed class IdentityMatchResult
{
    /// <summary>Gets the customers matched to a SALTO user, by customer id.</summary>
    public Dictionary<long, MatchedIdentity> Matched { get; } = [];

    /// <summary>Gets the customers with no SALTO user, who may have one created (ascending ids).</summary>
    public List<long> WithoutUser { get; } = [];

    /// <summary>Gets the customers who could not be matched, and why.</summary>
    public List<IdentityIssue> Issues { get; } = [];

    /// <summary>Gets identity links to remember: new e-mail matches and links whose site-user id moved.</summary>
    public List<IdentityLink> LinksToSave { get; } = [];

    /// <summary>Gets customers whose remembered SALTO user is gone from the site.</summary>
    public List<long> LinksToForget { get; } = [];

    /// <summary>
    /// Gets SALTO users who may be the user of an entitled customer that could not be matched (an ambiguous or
    /// shared e-mail). They are never removed from a group, not even an exclusive one: not knowing who they are,
    /// the SDK must not lock a paying member out.
    /// </summary>
    public HashSet<PlatformUserId> Unresolved { get; } = [];

    /// <summary>
    /// Gets, for each user in <see cref="Unresolved"/> (and each user whose e-mail is a customer's but who is linked
    /// to another customer), the customers they may be. The planner protects such a user in the groups one of those
    /// customers is entitled to.
    /// </summary>
    public Dictionary<PlatformUserId, HashSet<long>> PossibleCustomers { get; } = [];

    /// <summary>Records that <paramref name="users"/> may be <paramref name="customerId"/>'s SALTO user.</summary>
    /// <param name="users">The candidate users.</param>
    /// <param name="customerId">The customer who could not be matched.</param>
    public void MayBe(IEnumerable<PlatformUserId> users, long customerId)
    {
        foreach (var user in users)
        {
            if (!PossibleCustomers.TryGetValue(user, out var possible))
            {
                PossibleCustomers.Add(user, possible = []);
            }

            possible.Add(customerId);
        }
    }

    /// <summary>
    /// Gets the customer each known SALTO user is, from the identity map (including links whose user this run's
    /// site-user list did not show) and this run's matches.
    /// </summary>
    public Dictionary<PlatformUserId, long> CustomerByUser { get; } = [];

    /// <summary>
    /// Gets the SALTO users the site-user list showed. A group member outside it is not known well enough to be
    /// removed: every member of a group is a user of its site, so a member missing here means the list was short.
    /// </summary>
    public HashSet<PlatformUserId> Listed { get; } = [];
}
