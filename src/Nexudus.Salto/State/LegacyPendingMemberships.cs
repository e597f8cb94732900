using System.Text.Json;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.State;

/// <summary>
/// The write-ahead journal as earlier versions stored it: one JSON named value per site. The schema migration that
/// adds the journal table moves these values into it and deletes them, so no pending change is lost on upgrade.
/// </summary>
internal static class LegacyPendingMemberships
{
    /// <summary>The named-value key of a site's journal is this prefix followed by the site id.</summary>
    public const string KeyPrefix = "nexudus-salto:sync:pending-memberships:";

    /// <summary>
    /// The rows one stored value holds. An unreadable value yields none, as the journal always treated it: the
    /// entries cannot be settled, and dropping them only loses ownership claims, never grants.
    /// </summary>
    public static IReadOnlyList<PendingMembership> Parse(string key, string? json)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length == KeyPrefix.Length || string.IsNullOrEmpty(json))
        {
            return [];
        }

        List<PendingMembershipChange>? entries;
        try
        {
            entries = JsonSerializer.Deserialize(json, SyncStateJsonContext.Default.ListPendingMembershipChange);
        }
        catch (JsonException)
        {
            return [];
        }

        var siteId = key[KeyPrefix.Length..];
        return
        [
            .. (entries ?? [])
                .Where(e => e is not null && !string.IsNullOrEmpty(e.GroupId) && !string.IsNullOrEmpty(e.UserId))
                .Select(e => new PendingMembership
                {
                    SiteId = siteId,
                    GroupId = e.GroupId,
                    UserId = new PlatformUserId(e.UserId),
                    IsAddition = e.IsAddition,
                    CustomerId = e.CustomerId,
                    AddedAt = e.AddedAt,
                })

                // One row per key, the later entry winning, as the journal now keeps them.
                .Reverse()
                .DistinctBy(p => (p.GroupId, p.UserId.Value.ToUpperInvariant(), p.IsAddition))
                .Reverse(),
        ];
    }
}
