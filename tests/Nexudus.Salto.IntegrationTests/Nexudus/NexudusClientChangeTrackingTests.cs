using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// Incremental reads against a sandbox that changes between calls (each test has its own), and
/// sorting in each documented <c>dir</c> encoding.
/// </summary>
public sealed class NexudusClientChangeTrackingTests
{
    [Theory]
    [InlineData(NexudusFilterDateFormat.Minutes, "2025-03-03T08:30")]
    [InlineData(NexudusFilterDateFormat.SecondsUtc, "2025-03-03T08:30:00Z")]
    public async Task ListCoworkersAsync_UpdatedOnSinceAWatermark_ReturnsOnlyTheCustomersChangedSince(NexudusFilterDateFormat format, string sent)
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync(configureClient: o => o.FilterDateFormat = format);
        var watermark = NexudusSandboxEnvironment.Start.AddMinutes(30);
        env.SandboxTime!.Advance(TimeSpan.FromHours(1));
        var changed = new[] { NexudusWorld.Member(2), NexudusWorld.Guest(4) }
            .Select(email => env.Sandbox.GetAll<Coworker>().Single(c => c.Email == email))
            .Select(c => env.Sandbox.Put(c with { AccessCardId = "99990001" }))
            .ToList();

        var listed = await env.Client.ListCoworkersAsync(new CoworkerQuery { UpdatedOn = NexudusDateRange.Since(watermark) }).ToListAsync();

        Assert.Equal(changed.Select(c => c.Id).Order(), listed.Select(c => c.Id).Order());
        Assert.All(listed, c => Assert.Equal("99990001", c.AccessCardId));
        var query = NexudusClientQueryTests.Parameters(env.Sandbox.Requests.GetRequests().Single(r => r.Path == "/api/spaces/coworkers").Query);
        Assert.Contains(("from_Coworker_UpdatedOn", sent), query);
    }

    [Fact]
    public async Task ListCheckInsAsync_CreatedOnRange_ReturnsOnlyTheCheckInsCreatedInIt()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        env.SandboxTime!.Advance(TimeSpan.FromHours(2));
        var id = await env.Client.CreateCheckInAsync(new CheckIn
        {
            BusinessId = env.World!.Location("Central").Id,
            CoworkerId = env.World.Customer(NexudusWorld.Member(1)).Id,
            FromTime = env.SandboxTime.GetUtcNow(),
        });
        env.SandboxTime.Advance(TimeSpan.FromHours(2));

        var listed = await env.Client.ListCheckInsAsync(new CheckInQuery
        {
            CreatedOn = NexudusDateRange.Between(NexudusSandboxEnvironment.Start.AddHours(1), NexudusSandboxEnvironment.Start.AddHours(3)),
        }).ToListAsync();

        Assert.Equal([id], listed.Select(c => c.Id));
        Assert.Equal(NexudusSandboxEnvironment.Start.AddHours(2), listed[0].CreatedOn);
    }

    [Theory]
    [InlineData(NexudusFilterDateFormat.Minutes)]
    [InlineData(NexudusFilterDateFormat.SecondsUtc)]
    public async Task ListBookingsAsync_UpperBoundBetweenTwoWholeUnitsOfTheFormat_StillReturnsARecordBeforeIt(NexudusFilterDateFormat format)
    {
        // The wire formats stop at minutes or seconds. Cutting the upper bound down to them would
        // leave out a booking that starts before the bound asked for but after the value sent.
        await using var env = await NexudusSandboxEnvironment.StartAsync(configureClient: o => o.FilterDateFormat = format);
        var existing = env.Sandbox.GetAll<Booking>()[0];
        var start = new DateTimeOffset(2025, 3, 20, 10, 0, 20, 400, TimeSpan.Zero);
        var booking = env.Sandbox.Put(existing with { Id = 0, UniqueId = Guid.NewGuid(), FromTime = start, ToTime = start.AddHours(1) });

        var listed = await env.Client.ListBookingsAsync(new BookingQuery
        {
            FromTime = NexudusDateRange.Between(start.AddSeconds(-0.2), start.AddSeconds(0.4)),
        }).ToListAsync();

        Assert.Equal([booking.Id], listed.Select(b => b.Id));
    }

    [Theory]
    [InlineData(NexudusSortDirectionFormat.ZeroOne, NexudusSortDirectionEncodings.ZeroAscendingOneDescending, NexudusSortDirection.Ascending, "0")]
    [InlineData(NexudusSortDirectionFormat.ZeroOne, NexudusSortDirectionEncodings.ZeroAscendingOneDescending, NexudusSortDirection.Descending, "1")]
    [InlineData(NexudusSortDirectionFormat.OneMinusOne, NexudusSortDirectionEncodings.OneAscendingMinusOneDescending, NexudusSortDirection.Ascending, "1")]
    [InlineData(NexudusSortDirectionFormat.OneMinusOne, NexudusSortDirectionEncodings.OneAscendingMinusOneDescending, NexudusSortDirection.Descending, "-1")]
    [InlineData(NexudusSortDirectionFormat.Words, NexudusSortDirectionEncodings.Words, NexudusSortDirection.Ascending, "Ascending")]
    [InlineData(NexudusSortDirectionFormat.Words, NexudusSortDirectionEncodings.Words, NexudusSortDirection.Descending, "Descending")]
    public async Task ListCoworkersAsync_SortInTheEncodingTheServerReads_ReturnsEveryPageInThatOrder(
        NexudusSortDirectionFormat format, NexudusSortDirectionEncodings serverReads, NexudusSortDirection direction, string dir)
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync(
            s =>
            {
                s.SortDirectionEncodings = serverReads;
                s.MaxPageSize = 3;
            },
            c => c.SortDirectionFormat = format);
        var names = env.Sandbox.GetAll<Coworker>().Select(c => c.FullName!).ToList();
        var expected = direction == NexudusSortDirection.Ascending
            ? names.Order(StringComparer.OrdinalIgnoreCase)
            : names.OrderDescending(StringComparer.OrdinalIgnoreCase);

        var listed = await env.Client.ListCoworkersAsync(new CoworkerQuery { OrderBy = "FullName", SortDirection = direction }).ToListAsync();

        Assert.Equal(expected, listed.Select(c => c.FullName));
        Assert.All(
            env.Sandbox.Requests.GetRequests().Where(r => r.Path == "/api/spaces/coworkers"),
            r => Assert.Contains(("dir", dir), NexudusClientQueryTests.Parameters(r.Query)));
    }
}
