using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.CheckIns;

public sealed class CheckInMatcherTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static CheckIn Visit(long id, DateTimeOffset from, DateTimeOffset? to = null) => new() { Id = id, FromTime = from, ToTime = to };

    [Fact]
    public void ForCheckIn_NoCheckIns_CreatesOne()
    {
        Assert.Equal(CheckInMatchKind.None, CheckInMatcher.ForCheckIn([], At).Kind);
    }

    [Fact]
    public void ForCheckIn_CheckInAtTheEntrysTime_IsRecognisedAsItsOwn()
    {
        var match = CheckInMatcher.ForCheckIn([Visit(1, At.AddHours(-3), At.AddHours(-2)), Visit(2, At.AddMilliseconds(400))], At);

        Assert.Equal(new CheckInMatch(CheckInMatchKind.Recovered, 2), match);
    }

    [Fact]
    public void ForCheckIn_OpenCheckInFromEarlier_MeansAlreadyCheckedIn()
    {
        var match = CheckInMatcher.ForCheckIn([Visit(1, At.AddHours(-3))], At);

        Assert.Equal(new CheckInMatch(CheckInMatchKind.Existing, 1), match);
    }

    [Fact]
    public void ForCheckIn_LateEntryInsideAClosedVisit_MeansAlreadyCheckedIn()
    {
        var match = CheckInMatcher.ForCheckIn([Visit(1, At.AddHours(-1), At.AddHours(1))], At);

        Assert.Equal(new CheckInMatch(CheckInMatchKind.Existing, 1), match);
    }

    [Fact]
    public void ForCheckIn_OnlyClosedVisitsBefore_CreatesOne()
    {
        Assert.Equal(CheckInMatchKind.None, CheckInMatcher.ForCheckIn([Visit(1, At.AddHours(-5), At.AddHours(-4))], At).Kind);
    }

    [Fact]
    public void ForCheckOut_OpenCheckIn_ClosesTheLatestThatBeganBefore()
    {
        var match = CheckInMatcher.ForCheckOut([Visit(1, At.AddHours(-9)), Visit(2, At.AddHours(-2))], At);

        Assert.Equal(new CheckInMatch(CheckInMatchKind.Existing, 2), match);
    }

    [Fact]
    public void ForCheckOut_OpenCheckInThatBeganAfterTheExit_IsLeftOpen()
    {
        // A late exit entry must not end a later visit.
        Assert.Equal(CheckInMatchKind.None, CheckInMatcher.ForCheckOut([Visit(1, At.AddHours(1))], At).Kind);
    }

    [Fact]
    public void ForCheckOut_CheckInClosedAtTheEntrysTime_IsRecognisedAsItsOwn()
    {
        var match = CheckInMatcher.ForCheckOut([Visit(1, At.AddHours(-2), At)], At);

        Assert.Equal(new CheckInMatch(CheckInMatchKind.Recovered, 1), match);
    }
}
