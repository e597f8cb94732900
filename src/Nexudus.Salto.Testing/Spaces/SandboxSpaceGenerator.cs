using System.Globalization;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Seeds a <see cref="NexudusSandbox"/> and a <see cref="SaltoKsSandbox"/> with one consistent, deterministic
/// coworking space of any size: customers, passes, contracts on desks, teams, bookings, linked groups, SALTO users
/// matching some customers by e-mail, hand-added members and registered tags. For load and call-cost tests.
/// </summary>
/// <remarks>
/// The same seed, sizes and <c>now</c> give the same data. Only <c>Random</c> with the seed decides, never the
/// clock or the machine.
/// </remarks>
public static class SandboxSpaceGenerator
{
    /// <summary>Generates the space into both sandboxes.</summary>
    /// <param name="nexudus">The Nexudus sandbox (its data is added to).</param>
    /// <param name="saltoKs">The SALTO KS sandbox (a new site is added).</param>
    /// <param name="now">The instant the data is built around (bookings, expiries, used passes).</param>
    /// <param name="options">The sizes and seed; the harness's defaults when <see langword="null"/>.</param>
    /// <returns>The location, site, groups and links.</returns>
    /// <exception cref="ArgumentNullException">A sandbox is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative, or fewer than three groups are asked for.</exception>
    public static SandboxSpace Generate(NexudusSandbox nexudus, SaltoKsSandbox saltoKs, DateTimeOffset now, SandboxSpaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(nexudus);
        ArgumentNullException.ThrowIfNull(saltoKs);
        var o = options ?? new SandboxSpaceOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(o.Customers);
        ArgumentOutOfRangeException.ThrowIfNegative(o.Passes);
        ArgumentOutOfRangeException.ThrowIfNegative(o.Bookings);
        ArgumentOutOfRangeException.ThrowIfNegative(o.Contracts);
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Groups, 3);
        return new Generation(nexudus, saltoKs, now, o).Run();
    }

    private sealed class Generation(NexudusSandbox nexudus, SaltoKsSandbox salto, DateTimeOffset now, SandboxSpaceOptions o)
    {
#pragma warning disable CA5394 // Seeded on purpose: the same seed gives the same space.
        private readonly Random _random = new(o.Seed);

        public SandboxSpace Run()
        {
            var zone = o.TimeZone ?? TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
            var name = $"Generated {o.Seed.ToString(CultureInfo.InvariantCulture)}";
            var business = nexudus.Seed(b => b.Location(name, zone)).Location(name).Id;

            var passGroups = o.Groups / 3;
            var resourceGroups = Math.Max(1, o.Groups / 6);
            var deskGroups = o.Groups - passGroups - resourceGroups;
            var groups = Enumerable.Range(1, o.Groups).Select(i => $"9e0e{o.Seed % 10000:0000}-0000-4000-8000-{i:000000000000}").ToList();

            var passes = Enumerable.Range(0, passGroups + 4)
                .Select(i => nexudus.Put(new TimePass { BusinessId = business, Name = $"Pass {i + 1}", Businesses = [business], Archived = false }))
                .ToList();
            var desks = Enumerable.Range(0, Math.Max(deskGroups * 10, 30))
                .Select(i => nexudus.Put(new FloorPlanDesk
                {
                    FloorPlanBusinessId = business, Name = $"Desk {i + 1}", ItemType = i % 3 == 0 ? FloorPlanItemType.Office : FloorPlanItemType.DedicatedDesk, Available = true,
                }))
                .ToList();
            var resources = Enumerable.Range(0, resourceGroups + 5)
                .Select(i => nexudus.Put(new Resource { BusinessId = business, Name = $"Room {i + 1}", Visible = true, Archived = false }))
                .ToList();
            var plan = nexudus.Put(new Tariff { BusinessId = business, Name = "Generated plan", SystemTariffType = SystemTariffType.FullTimeDedicatedDesk });

            var customers = new List<Coworker>(o.Customers);
            var cards = new List<string>();
            for (var i = 1; i <= o.Customers; i++)
            {
                var roll = _random.NextDouble();
                var card = _random.NextDouble() < 0.1 ? (100_000_000 + i).ToString(CultureInfo.InvariantCulture) : null;
                if (card is not null)
                {
                    cards.Add(card);
                }

                customers.Add(nexudus.Put(new Coworker
                {
                    CoworkerType = CoworkerType.Individual,
                    FullName = $"Customer {i:00000}",
                    GuessedFirstName = "Customer",
                    GuessedLastName = i.ToString("00000", CultureInfo.InvariantCulture),
                    Email = $"customer{i:00000}@{o.EmailDomain}",
                    Active = roll >= 0.05,
                    Archived = roll is >= 0.05 and < 0.08,
                    Businesses = [business],
                    InvoicingBusinessId = business,
                    AccessCardId = card,
                }));
            }

            for (var i = 0; i < o.Passes && customers.Count > 0; i++)
            {
                var pass = _random.NextDouble() < 0.8 ? passes[_random.Next(passGroups)] : passes[_random.Next(passes.Count)];
                var used = _random.NextDouble() < 0.6;
                var expire = _random.NextDouble() switch
                {
                    < 0.2 => (DateTimeOffset?)null,
                    < 0.8 => now.AddDays(_random.Next(1, 90)),
                    _ => now.AddDays(-_random.Next(1, 90)),
                };
                nexudus.Put(new CoworkerTimePass
                {
                    CoworkerId = customers[_random.Next(customers.Count)].Id,
                    BusinessId = business,
                    TimePassId = pass.Id,
                    TimePassName = pass.Name,
                    Used = used,
                    UsedDate = used ? (_random.NextDouble() < 0.05 ? now.AddHours(-_random.Next(1, 6)) : now.AddDays(-_random.Next(2, 120))) : null,
                    ExpireDate = expire,
                    CheckedIn = false,
                    IsFromTariff = false,
                    CreateMultiple = 1,
                });
            }

            var holders = customers.OrderBy(_ => _random.Next()).Take(Math.Min(o.Contracts, customers.Count)).ToList();
            foreach (var holder in holders)
            {
                var desk = _random.NextDouble() < 0.4 ? desks[_random.Next(deskGroups)] : desks[_random.Next(desks.Count)];
                var state = _random.NextDouble();
                nexudus.Put(new CoworkerContract
                {
                    CoworkerId = holder.Id,
                    CoworkerEmail = holder.Email,
                    TariffId = plan.Id,
                    TariffName = plan.Name,
                    Active = state >= 0.1,
                    Cancelled = state is >= 0.1 and < 0.2,
                    CancellationDate = state is >= 0.1 and < 0.2 ? now.AddDays(_random.Next(-30, 30)) : null,
                    InPausedPeriod = state is >= 0.2 and < 0.25,
                    StartDate = now.AddDays(-_random.Next(1, 700)),
                    MainContract = true,
                    Desks = [desk.Id],
                    FloorPlanDeskIds = desk.Id.ToString(CultureInfo.InvariantCulture),
                    FloorPlanDeskNames = desk.Name,
                });
            }

            var teams = 0;
            foreach (var payer in holders.Where((_, i) => i % 15 == 0))
            {
                var members = customers.OrderBy(_ => _random.Next()).Take(_random.Next(1, 6)).Select(c => c.Id).Prepend(payer.Id).Distinct().ToList();
                nexudus.Put(new Team
                {
                    BusinessId = business, Name = $"Team {++teams}", PayingMemberId = payer.Id, TeamMembers = members, TeamAdministrators = [payer.Id],
                });
            }

            for (var i = 0; i < o.Bookings && customers.Count > 0; i++)
            {
                var from = now.AddMinutes(15 * _random.Next(-20 * 96, 20 * 96));
                var onDesk = _random.NextDouble() < 0.2;
                nexudus.Put(new Booking
                {
                    CoworkerId = customers[_random.Next(customers.Count)].Id,
                    ResourceId = onDesk ? null : (_random.NextDouble() < 0.6 ? resources[_random.Next(resourceGroups)] : resources[_random.Next(resources.Count)]).Id,
                    FloorPlanDeskId = onDesk ? desks[_random.Next(desks.Count)].Id : null,
                    FromTime = from,
                    ToTime = from.AddMinutes(30 * _random.Next(1, 7)),
                    Tentative = _random.NextDouble() < 0.2,
                });
            }

            SeedSalto(customers, groups, cards);
            var links = new LocationLinks
            {
                NexudusBusinessId = business,
                SaltoSiteId = o.SiteId,
                TimePassGroups = Enumerable.Range(0, passGroups).ToDictionary(i => passes[i].Id, i => (IReadOnlyList<string>)[groups[i]]),
                FloorPlanDeskGroups = Enumerable.Range(0, deskGroups).ToDictionary(i => desks[i].Id, i => (IReadOnlyList<string>)[groups[passGroups + i]]),
                ResourceGroups = Enumerable.Range(0, resourceGroups).ToDictionary(i => resources[i].Id, i => (IReadOnlyList<string>)[groups[passGroups + deskGroups + i]]),
                UseNexudusLinkFields = false,
            };
            return new SandboxSpace
            {
                BusinessId = business,
                SiteId = o.SiteId,
                GroupIds = groups,
                Links = links,
                Counts = new Dictionary<string, int>
                {
                    ["Customers"] = customers.Count,
                    ["Passes"] = o.Passes,
                    ["Contracts"] = holders.Count,
                    ["Teams"] = teams,
                    ["Bookings"] = o.Bookings,
                    ["Groups"] = groups.Count,
                    ["Desks"] = desks.Count,
                    ["Resources"] = resources.Count,
                },
            };
        }

        private void SeedSalto(List<Coworker> customers, List<string> groups, List<string> cards) =>
            salto.Seed(b =>
            {
                b.Site(o.SiteId, "Generated site", timeZone: "Europe/London");
                for (var g = 0; g < groups.Count; g++)
                {
                    b.AccessGroup(groups[g], $"Group {g + 1}");
                }

                var n = 0;
                foreach (var customer in customers.Where(_ => _random.NextDouble() < o.ExistingSaltoUserShare))
                {
                    n++;
                    var email = n % 7 == 0 ? customer.Email!.ToUpperInvariant() : customer.Email!;
                    b.User(new SiteUserId($"5173e000-0000-4000-8000-{n:000000000000}"), new PlatformUserId($"9173e000-0000-4000-8000-{n:000000000000}"), email, "Customer", customer.GuessedLastName);
                }

                // Members added by hand, whom a shared group must keep.
                for (var s = 1; s <= 20; s++)
                {
                    var stranger = new PlatformUserId($"9173e000-0000-4000-9000-{s:000000000000}");
                    b.User(new SiteUserId($"5173e000-0000-4000-9000-{s:000000000000}"), stranger, $"staff{s:00}@generated.example", "Staff", $"{s:00}");
                    b.Member(groups[s % groups.Count], stranger);
                }

                // Most card numbers are registered at the site; the rest are reported as unknown.
                var t = 0;
                foreach (var card in cards.Where(_ => _random.NextDouble() < 0.9))
                {
                    b.Tag($"7a90e000-0000-4000-8000-{++t:000000000000}", card);
                }
            });
#pragma warning restore CA5394
    }
}
