using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Benchmarks.Chaos;

/// <summary>What an administrator (or a member) changed between two cycles.</summary>
internal enum ChaosChangeKind
{
    PassBought,
    PassExpired,
    PassUsed,
    ContractStarted,
    ContractEnded,
    ContractCancelled,
    ContractPaused,
    BookingMade,
    BookingCancelled,
    CustomerSuspended,
    CustomerReactivated,
    TeamMemberAdded,
    TeamMemberRemoved,
    CustomerJoined,
    MemberAddedByHand,
}

/// <summary>Random Nexudus changes (and the odd SALTO membership added by hand), made between cycles.</summary>
internal sealed class ChaosChanges(NexudusSandbox nexudus, SaltoKsSandbox salto, SandboxSpace space, TimeProvider clock, Random random)
{
    private static readonly ChaosChangeKind[] Kinds = Enum.GetValues<ChaosChangeKind>();
    private int _joined;

    public Dictionary<ChaosChangeKind, int> Made { get; } = [];

    /// <summary>Memberships added by hand (group, user): the SDK must never remove them.</summary>
    public HashSet<(string Group, PlatformUserId User)> AddedByHand { get; } = [];

    public void MakeSome(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            if (Make(kind))
            {
                Made[kind] = Made.GetValueOrDefault(kind) + 1;
            }
        }
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private T? Any<T>(IEnumerable<T> items)
        where T : class
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list[random.Next(list.Count)];
    }

    private bool Make(ChaosChangeKind kind)
    {
        var customers = nexudus.GetAll<Coworker>();
        var business = space.BusinessId;
        switch (kind)
        {
            case ChaosChangeKind.PassBought when Any(customers) is { } customer:
            {
                var linked = space.Links.TimePassGroups.Keys.ToList();
                var type = random.NextDouble() < 0.85 ? linked[random.Next(linked.Count)] : nexudus.GetAll<TimePass>()[random.Next(nexudus.GetAll<TimePass>().Count)].Id;
                var expiry = random.Next(4) switch
                {
                    0 => (DateTimeOffset?)null,
                    1 => Now.AddMinutes(random.Next(5, 120)),
                    _ => Now.AddHours(random.Next(2, 96)),
                };
                nexudus.Put(new CoworkerTimePass
                {
                    CoworkerId = customer.Id, BusinessId = business, TimePassId = type, Used = false, ExpireDate = expiry, CreateMultiple = 1, CheckedIn = false, IsFromTariff = false,
                });
                return true;
            }

            case ChaosChangeKind.PassExpired when Any(nexudus.GetAll<CoworkerTimePass>().Where(p => p.ExpireDate is null || p.ExpireDate > Now)) is { } pass:
                nexudus.Put(pass with { ExpireDate = Now.AddMinutes(-random.Next(1, 30)) });
                return true;

            case ChaosChangeKind.PassUsed when Any(nexudus.GetAll<CoworkerTimePass>().Where(p => p.Used == false)) is { } pass:
                nexudus.Put(pass with { Used = true, UsedDate = Now.AddMinutes(-random.Next(0, 60)) });
                return true;

            case ChaosChangeKind.ContractStarted when Any(customers) is { } holder:
            {
                var desks = space.Links.FloorPlanDeskGroups.Keys.ToList();
                var desk = desks[random.Next(desks.Count)];
                nexudus.Put(new CoworkerContract
                {
                    CoworkerId = holder.Id,
                    CoworkerEmail = holder.Email,
                    Active = true,
                    Cancelled = false,
                    InPausedPeriod = false,
                    MainContract = true,
                    StartDate = Now.AddMinutes(random.Next(-600, 90)),
                    Desks = [desk],
                    FloorPlanDeskIds = desk.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
                return true;
            }

            case ChaosChangeKind.ContractEnded when Any(nexudus.GetAll<CoworkerContract>().Where(c => c.Active == true && c.CancellationDate is null)) is { } contract:
                // The last day of access: yesterday, today or tomorrow on the location's calendar.
                nexudus.Put(contract with { Cancelled = true, CancellationDate = Now.AddDays(random.Next(-1, 2)) });
                return true;

            case ChaosChangeKind.ContractCancelled when Any(nexudus.GetAll<CoworkerContract>().Where(c => c.Active == true)) is { } contract:
                nexudus.Put(random.Next(2) == 0 ? contract with { Active = false } : contract with { Cancelled = true, CancellationDate = null });
                return true;

            case ChaosChangeKind.ContractPaused when Any(nexudus.GetAll<CoworkerContract>().Where(c => c.Active == true)) is { } contract:
                nexudus.Put(contract with { InPausedPeriod = contract.InPausedPeriod != true });
                return true;

            case ChaosChangeKind.BookingMade when Any(customers) is { } customer:
            {
                var from = Now.AddMinutes(15 * random.Next(-8, 12));
                var onDesk = random.NextDouble() < 0.3;
                var desks = space.Links.FloorPlanDeskGroups.Keys.ToList();
                var resources = random.NextDouble() < 0.8
                    ? space.Links.ResourceGroups.Keys.ToList()
                    : nexudus.GetAll<Resource>().Where(r => r.BusinessId == business).Select(r => r.Id).ToList();
                nexudus.Put(new Booking
                {
                    CoworkerId = customer.Id,
                    ResourceId = onDesk ? null : resources[random.Next(resources.Count)],
                    FloorPlanDeskId = onDesk ? desks[random.Next(desks.Count)] : null,
                    FromTime = from,
                    ToTime = from.AddMinutes(15 * random.Next(1, 9)),
                    Tentative = random.NextDouble() < 0.15,
                });
                return true;
            }

            case ChaosChangeKind.BookingCancelled when Any(nexudus.GetAll<Booking>().Where(b => b.ToTime > Now.AddHours(-1))) is { } booking:
                nexudus.CancelBooking(booking.Id);
                return true;

            case ChaosChangeKind.CustomerSuspended when Any(customers.Where(c => c.Active == true)) is { } customer:
                nexudus.SuspendCustomer(customer.Id);
                return true;

            case ChaosChangeKind.CustomerReactivated when Any(customers.Where(c => c.Active != true)) is { } customer:
                nexudus.Put(customer with { Active = true });
                return true;

            case ChaosChangeKind.TeamMemberAdded when Any(nexudus.GetAll<Team>()) is { } team && Any(customers) is { } customer:
                nexudus.Put(team with { TeamMembers = [.. (team.TeamMembers ?? []).Append(customer.Id).Distinct()] });
                return true;

            case ChaosChangeKind.TeamMemberRemoved when Any(nexudus.GetAll<Team>().Where(t => t.TeamMembers is { Count: > 1 })) is { } team:
            {
                var leaving = team.TeamMembers!.Where(m => m != team.PayingMemberId).ToList();
                if (leaving.Count == 0)
                {
                    return false;
                }

                var member = leaving[random.Next(leaving.Count)];
                nexudus.Put(team with { TeamMembers = [.. team.TeamMembers!.Where(m => m != member)] });
                return true;
            }

            case ChaosChangeKind.CustomerJoined:
            {
                var n = ++_joined;
                var customer = nexudus.Put(new Coworker
                {
                    CoworkerType = CoworkerType.Individual,
                    FullName = $"Joiner {n:0000}",
                    GuessedFirstName = "Joiner",
                    GuessedLastName = $"{n:0000}",
                    Email = $"joiner{n:0000}@chaos.example",
                    Active = true,
                    Archived = false,
                    Businesses = [business],
                    InvoicingBusinessId = business,
                });
                var linked = space.Links.TimePassGroups.Keys.ToList();
                nexudus.Put(new CoworkerTimePass
                {
                    CoworkerId = customer.Id, BusinessId = business, TimePassId = linked[random.Next(linked.Count)], Used = false, CreateMultiple = 1, CheckedIn = false, IsFromTariff = false,
                });
                return true;
            }

            case ChaosChangeKind.MemberAddedByHand:
            {
                var group = space.GroupIds[random.Next(space.GroupIds.Count)];
                var members = salto.GetAccessGroupMembers(space.SiteId, group).ToHashSet();
                var user = Any(salto.GetSiteUsers(space.SiteId).Where(u => u.User is not null && !members.Contains(u.User.Id)));
                if (user?.User is null)
                {
                    return false;
                }

                salto.Seed(b => b.UseSite(space.SiteId).Member(group, user.User.Id));
                AddedByHand.Add((group, user.User.Id));
                return true;
            }

            default:
                return false;
        }
    }
}
