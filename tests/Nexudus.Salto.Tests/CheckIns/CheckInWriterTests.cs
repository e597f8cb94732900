using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.CheckIns;

/// <summary>
/// The check-in writer on its own, against a fake Nexudus: a create only when the customer has no open check-in,
/// a look before any retry of a create whose outcome is unknown, and refusals and throttling never thrown.
/// </summary>
public sealed class CheckInWriterTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeNexudus _nexudus = new();

    private CheckInWriter Writer(int maxCreateAttempts = 2) =>
        new(_nexudus, new CheckInBridgeOptions { MaxCreateAttempts = maxCreateAttempts }, NullLogger.Instance);

    private static CheckInEntryResult Entry() => new() { EntryId = "e1", OccurredAt = At, LockId = "l1" };

    [Fact]
    public async Task CheckInAsync_NoOpenCheckIn_CreatesOne()
    {
        CheckInEntryResult result = await Writer().CheckInAsync(Entry(), 10, 20, until: null, CancellationToken.None);

        Assert.Equal((CheckInOutcome.CheckedIn, (long?)100), (result.Outcome, result.CheckInId));
        CheckIn created = Assert.Single(_nexudus.Created);
        Assert.Equal((10L, 20L, At, (DateTimeOffset?)null), (created.BusinessId!.Value, created.CoworkerId!.Value, created.FromTime!.Value, created.ToTime));
    }

    [Fact]
    public async Task CheckInAsync_Until_CreatesAClosedCheckIn()
    {
        CheckInEntryResult result = await Writer().CheckInAsync(Entry(), 10, 20, At.AddHours(2), CancellationToken.None);

        Assert.Equal((CheckInOutcome.CheckedInAndOut, At.AddHours(2)), (result.Outcome, _nexudus.Created.Single().ToTime));
    }

    [Fact]
    public async Task CheckInAsync_OpenCheckInAtTheLocation_CreatesNothing()
    {
        _nexudus.Existing.Add(new CheckIn { Id = 7, BusinessId = 10, CoworkerId = 20, FromTime = At.AddHours(-1) });

        CheckInEntryResult result = await Writer().CheckInAsync(Entry(), 10, 20, until: null, CancellationToken.None);

        Assert.Equal((CheckInOutcome.AlreadyCheckedIn, (long?)7, 0), (result.Outcome, result.CheckInId, _nexudus.Created.Count));
    }

    [Fact]
    public async Task CheckInAsync_OpenCheckInOfAnotherCustomerInTheAnswer_IsIgnored()
    {
        _nexudus.Existing.Add(new CheckIn { Id = 7, BusinessId = 10, CoworkerId = 99, FromTime = At.AddHours(-1) });

        CheckInEntryResult result = await Writer().CheckInAsync(Entry(), 10, 20, until: null, CancellationToken.None);

        Assert.Equal(CheckInOutcome.CheckedIn, result.Outcome);
    }

    [Fact]
    public async Task CheckInAsync_CreateOutcomeUnknownButWritten_RecoversWithoutASecondCreate()
    {
        _nexudus.CreateFailures.Enqueue(new NexudusApiException("timed out"));
        _nexudus.WriteDespiteFailure = true;

        CheckInEntryResult result = await Writer().CheckInAsync(Entry(), 10, 20, until: null, CancellationToken.None);

        Assert.Equal((CheckInOutcome.Recovered, 1), (result.Outcome, _nexudus.CreateCalls));
    }

    [Fact]
    public async Task CheckInAsync_CreateOutcomeUnknownAndNotWritten_TriesAgain()
    {
        _nexudus.CreateFailures.Enqueue(new NexudusApiException("timed out"));

        CheckInEntryResult result = await Writer().CheckInAsync(Entry(), 10, 20, until: null, CancellationToken.None);

        Assert.Equal((CheckInOutcome.CheckedIn, 2), (result.Outcome, _nexudus.CreateCalls));
    }

    [Fact]
    public async Task CheckInAsync_UnknownOutcomeEveryAttempt_DefersAfterTheLastAttempt()
    {
        for (int i = 0; i < 5; i++)
        {
            _nexudus.CreateFailures.Enqueue(new NexudusApiException("timed out"));
        }

        CheckInEntryResult result = await Writer(maxCreateAttempts: 3).CheckInAsync(Entry(), 10, 20, until: null, CancellationToken.None);

        Assert.Equal((CheckInOutcome.Deferred, 3), (result.Outcome, _nexudus.CreateCalls));
    }

    [Fact]
    public async Task CheckInAsync_Throttled_DefersWithoutLookingAgain()
    {
        _nexudus.CreateFailures.Enqueue(new NexudusThrottledException("throttled"));

        CheckInEntryResult result = await Writer().CheckInAsync(Entry(), 10, 20, until: null, CancellationToken.None);

        Assert.Equal((CheckInOutcome.Deferred, 1, 1), (result.Outcome, _nexudus.CreateCalls, _nexudus.Lists));
    }

    [Fact]
    public async Task CheckInAsync_NoValidPass_IsRefused()
    {
        _nexudus.CreateFailures.Enqueue(new NexudusValidationException("No valid pass."));

        CheckInEntryResult result = await Writer().CheckInAsync(Entry(), 10, 20, until: null, CancellationToken.None);

        Assert.Equal((CheckInOutcome.Refused, "No valid pass."), (result.Outcome, result.Reason));
    }

    [Fact]
    public async Task CheckOutAsync_OpenCheckIn_ClosesItAtTheEntry()
    {
        _nexudus.Existing.Add(new CheckIn { Id = 7, BusinessId = 10, CoworkerId = 20, FromTime = At.AddHours(-3) });

        CheckInEntryResult result = await Writer().CheckOutAsync(Entry(), 10, 20, CancellationToken.None);

        Assert.Equal((CheckInOutcome.CheckedOut, (long?)7), (result.Outcome, result.CheckInId));
        Assert.Equal(new[] { (7L, At) }, _nexudus.Closed);
    }

    [Fact]
    public async Task CheckOutAsync_OnlyACheckInThatBeganAfterTheExit_ClosesNothing()
    {
        _nexudus.Existing.Add(new CheckIn { Id = 7, BusinessId = 10, CoworkerId = 20, FromTime = At.AddHours(1) });

        CheckInEntryResult result = await Writer().CheckOutAsync(Entry(), 10, 20, CancellationToken.None);

        Assert.Equal((CheckInOutcome.NoOpenCheckIn, 0), (result.Outcome, _nexudus.Closed.Count));
    }

    [Fact]
    public async Task CheckOutAsync_AlreadyClosedAtTheEntry_IsRecovered()
    {
        _nexudus.Existing.Add(new CheckIn { Id = 7, BusinessId = 10, CoworkerId = 20, FromTime = At.AddHours(-3), ToTime = At });

        CheckInEntryResult result = await Writer().CheckOutAsync(Entry(), 10, 20, CancellationToken.None);

        Assert.Equal((CheckInOutcome.Recovered, 0), (result.Outcome, _nexudus.Closed.Count));
    }

    /// <summary>A Nexudus with check-ins in memory; a failing create may still have written its check-in.</summary>
    private sealed class FakeNexudus : NexudusClient
    {
        public List<CheckIn> Existing { get; } = [];

        public List<CheckIn> Created { get; } = [];

        public List<(long Id, DateTimeOffset At)> Closed { get; } = [];

        public Queue<Exception> CreateFailures { get; } = new();

        public bool WriteDespiteFailure { get; set; }

        public int CreateCalls { get; private set; }

        public int Lists { get; private set; }

        public override async IAsyncEnumerable<CheckIn> ListCheckInsAsync(
            CheckInQuery? query = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Lists++;
            await Task.Yield();
            foreach (CheckIn checkIn in Existing.ToList())
            {
                yield return checkIn;
            }
        }

        public override Task<long> CreateCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
        {
            CreateCalls++;
            bool fails = CreateFailures.TryDequeue(out Exception? failure);
            if (!fails || WriteDespiteFailure)
            {
                Created.Add(checkIn);
                Existing.Add(checkIn with { Id = 100 });
            }

            return fails ? Task.FromException<long>(failure!) : Task.FromResult(100L);
        }

        public override Task CloseCheckInAsync(long checkInId, DateTimeOffset checkOutTime, CancellationToken cancellationToken = default)
        {
            Closed.Add((checkInId, checkOutTime));
            return Task.CompletedTask;
        }
    }
}
