using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// A site that has been synced once and then changed in Nexudus, so the next run has a bit of everything to do:
/// users to create (some with cards), members to add to three groups, members to remove, a hand-added stranger to
/// leave alone. <see cref="Expected"/> says who must be in each group once the run has converged.
/// </summary>
internal static class ChurnWorld
{
    public static readonly PlatformUserId Stranger = new("pu-stranger");

    public static string[] Newcomers { get; } = [.. Enumerable.Range(1, 6).Select(i => $"new{i}@example.com")];

    /// <summary>Seeds, syncs once without faults, then changes Nexudus and moves the clock on.</summary>
    public static async Task<AccessSyncOptions> PrepareAsync(SyncHarness h)
    {
        var seed = h.Seed(
            b =>
            {
                b.Customer("stay@example.com", "Stay Here").CustomerPass("stay@example.com", "Day Pass")
                    .Customer("leave1@example.com", "Leave One").CustomerPass("leave1@example.com", "Day Pass", p => p with { ExpireDate = Start.AddMinutes(30) })
                    .Customer("leave2@example.com", "Leave Two").Contract("leave2@example.com", "Office plan", Start.AddDays(-10), ["Office 101"],
                        c => c with { CancellationDate = Start.AddDays(-1) })
                    .Customer("known@example.com", "Known Person");
            },
            s => s.User(new SiteUserId("su-stranger"), Stranger, "stranger@example.com").Member(PassGroup, Stranger)
                .User(new SiteUserId("su-known"), new PlatformUserId("pu-known"), "known@example.com")
                .Tag("tag-1", "10000001").Tag("tag-2", "10000002").Tag("tag-3", "10000003"));
        var options = Options(seed, o => o with { MembershipChunkSize = 2, NexudusReadConcurrency = 1, SaltoReadConcurrency = 1, Safety = new RevocationSafety { MaxRevocations = 100, MaxRevocationPercent = 100 } });

        // leave2's contract ended yesterday, but a booking puts them in the room group until its window closes.
        h.Nexudus.Seed(b => b.AtLocation("Central").Booking("leave2@example.com", "Meeting room", Start.AddMinutes(-5), Start.AddMinutes(20)));
        var first = await h.SyncAsync(options);
        Assert.Equal(SyncResult.Completed, first.Result);

        h.Time.Advance(TimeSpan.FromHours(1));
        h.Nexudus.Seed(b =>
        {
            b.AtLocation("Central").CustomerPass("known@example.com", "Day Pass");
            for (var i = 0; i < Newcomers.Length; i++)
            {
                var email = Newcomers[i];
                b.Customer(email, $"New Comer{i + 1}", c => i < 3 ? c with { AccessCardId = $"1000000{i + 1}" } : c);
                if (i % 2 == 0)
                {
                    b.CustomerPass(email, "Day Pass");
                }
                else
                {
                    b.Contract(email, "Office plan", Start, ["Office 101"]);
                }

                if (i < 2)
                {
                    b.Booking(email, "Meeting room", Start.AddMinutes(50), Start.AddMinutes(120));
                }
            }
        });
        return options;
    }

    /// <summary>Who must be in each group once converged (the stranger stays: they were added by hand to a shared group).</summary>
    public static Dictionary<string, HashSet<string>> Expected() => new()
    {
        [PassGroup] = ["stay@example.com", "known@example.com", Newcomers[0], Newcomers[2], Newcomers[4], "stranger@example.com"],
        [OfficeGroup] = [Newcomers[1], Newcomers[3], Newcomers[5]],
        [RoomGroup] = [Newcomers[0], Newcomers[1]],
    };

    /// <summary>The e-mails of a group's members as SALTO has them.</summary>
    public static HashSet<string> Actual(SyncHarness h, string group)
    {
        var users = h.Salto.GetSiteUsers(SiteId).ToDictionary(u => u.User!.Id, u => u.User!.Email!);
        return [.. h.Members(group).Select(m => users[m])];
    }

    /// <summary>Asserts that no group holds anyone who is not entitled (the stranger and last run's leavers excepted, not yet removed).</summary>
    public static void AssertNoStranger(SyncHarness h)
    {
        var allowed = Expected();
        allowed[PassGroup].Add("leave1@example.com");
        allowed[RoomGroup].Add("leave2@example.com");
        foreach (var (group, emails) in allowed)
        {
            Assert.Subset(emails, Actual(h, group));
        }
    }

    /// <summary>Asserts the ledger claims no membership SALTO does not have.</summary>
    public static async Task AssertLedgerTruthfulAsync(SyncHarness h)
    {
        foreach (var owned in (await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships)
        {
            Assert.Contains(owned.UserId, h.Members(owned.GroupId));
        }
    }

    /// <summary>
    /// Asserts the ledger owns every membership the SDK made, so it can take each away again: everyone in the
    /// groups but the hand-added stranger.
    /// </summary>
    public static async Task AssertLedgerCompleteAsync(SyncHarness h)
    {
        var owned = (await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships;
        foreach (var group in Expected().Keys)
        {
            var members = h.Members(group).Where(m => !m.Equals(Stranger)).Select(m => m.Value).Order(StringComparer.OrdinalIgnoreCase);
            var ledger = owned.Where(o => o.GroupId == group).Select(o => o.UserId.Value).Order(StringComparer.OrdinalIgnoreCase);
            Assert.Equal(members, ledger);
        }
    }

    public static void AssertConverged(SyncHarness h)
    {
        foreach (var (group, emails) in Expected())
        {
            Assert.Equal(emails.Order(), Actual(h, group).Order());
        }

        var tagged = h.Salto.GetSiteUsers(SiteId).Where(u => u.User?.Email is { } e && Newcomers.Take(3).Contains(e))
            .Select(u => h.Salto.GetUserTags(SiteId, u.Id).Count);
        Assert.Equal([1, 1, 1], tagged);
    }
}
