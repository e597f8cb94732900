using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// The standard seed of the client's sandbox tests: five locations in five time zones, each with
/// at least one record of every one of the 16 entity sets the client reads, so each set holds at
/// least five records (three pages at the tests' page cap of two).
/// </summary>
/// <remarks>
/// Per location <c>n</c>: a member (<c>member{n}@example.com</c>) with a contract on
/// <c>Plan n</c> covering <c>Office n</c>, paying for <c>Team n</c>; a guest holding an unused
/// <c>Day Pass n</c>; a Monday time slot on the pass; the pass included in the plan; <c>Room n</c>
/// with two bookings, the guest's cancelled; a closed check-in of the member; a webhook on
/// <c>BookingCreate</c>. A few records differ so that every equality filter has something to
/// leave out: Plan 1 is a private office, Office 2 a dedicated desk, Hook 3 fires on
/// <c>CoworkerUpdate</c>, the slot of pass 4 is on Tuesday, guest 5's pass was used two days ago.
/// Central also has <see cref="NoPassEmail"/>, a customer with neither pass nor contract.
/// </remarks>
internal static class NexudusWorld
{
    public const string NoPassEmail = "nopass@example.com";

    public static readonly IReadOnlyList<(string Name, string TimeZone)> Locations =
    [
        ("Central", "Europe/London"),
        ("Harbour", "America/New_York"),
        ("Garden", "Asia/Tokyo"),
        ("Summit", "Europe/Berlin"),
        ("Riverside", "Australia/Sydney"),
    ];

    /// <summary>The first booking of each location starts here plus <c>n</c> days, at 09:00 UTC.</summary>
    public static readonly DateTimeOffset FirstBooking = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    public static string Member(int n) => $"member{n}@example.com";

    public static string Guest(int n) => $"guest{n}@example.com";

    public static NexudusSeed Seed(NexudusSandbox sandbox)
    {
        var contractStart = NexudusSandboxEnvironment.Start.AddDays(-30);
        var seed = sandbox.Seed(b =>
        {
            for (var n = 1; n <= Locations.Count; n++)
            {
                var (name, zone) = Locations[n - 1];
                var day = FirstBooking.AddDays(n - 1);
                b.Location(name, TimeZoneInfo.FindSystemTimeZoneById(zone))
                    .Customer(Member(n), $"Member {n}")
                    .Customer(Guest(n), $"Guest {n}", c => c with { AccessCardId = $"40{n}0001" })
                    .Pass($"Day Pass {n}", $"group-pass-{n}")
                    .PassTimeSlot($"Day Pass {n}", n == 4 ? DayOfWeek.Tuesday : DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(13, 0))
                    .Plan($"Plan {n}", n == 1 ? SystemTariffType.FullTimePrivateOffice : SystemTariffType.FullTimeHotDesk)
                    .PlanPass($"Plan {n}", $"Day Pass {n}", passesIncluded: n)
                    .Desk($"Office {n}", n == 2 ? FloorPlanItemType.DedicatedDesk : FloorPlanItemType.Office, $"group-desk-{n}")
                    .Contract(Member(n), $"Plan {n}", contractStart, [$"Office {n}"])
                    .Team($"Team {n}", Member(n), [Guest(n)])
                    .CustomerPass(Guest(n), $"Day Pass {n}", p => n == 5
                        ? p with { Used = true, UsedDate = Start(-2), ExpireDate = Start(30) }
                        : p with { ExpireDate = Start(30) })
                    .Resource($"Room {n}", $"group-room-{n}")
                    .Booking(Member(n), $"Room {n}", day, day.AddHours(2))
                    .BookingGuest(Member(n), $"Booking Guest {n}")
                    .Visitor(Member(n), $"Visitor {n}", Start(n))
                    .Booking(Guest(n), $"Room {n}", day.AddHours(3), day.AddHours(4))
                    .CheckIn(Member(n), Start(-1), Start(-1).AddHours(8))
                    .Invoice(Member(n), $"INV-{n}", Start(-10 * n))
                    .Webhook($"Hook {n}", n == 3 ? WebhookAction.CoworkerUpdate : WebhookAction.BookingCreate, new Uri($"https://hooks.example.com/{n}"));
            }

            b.AtLocation("Central").Customer(NoPassEmail, "No Pass");
        });

        // A cancelled booking leaves the bookings list for the cancelled ones, as in Nexudus.
        foreach (var booking in seed.All<Booking>().Where(b => b.CoworkerFullName!.StartsWith("Guest", StringComparison.Ordinal)))
        {
            sandbox.CancelBooking(booking.Id);
        }

        return seed;
    }

    private static DateTimeOffset Start(int days) => NexudusSandboxEnvironment.Start.AddDays(days);
}
