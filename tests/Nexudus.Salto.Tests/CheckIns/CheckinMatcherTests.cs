using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.CheckIns;

public sealed class CheckinMatcherTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static Checkin Visit(long id, DateTimeOffset from, DateTimeOffset? to = null) => new() { Id = id, FromTime = from, ToTime = to };

    [Fact]
    public void ForCheckIn_NoCheckins_CreatesOne()
    {
        Assert.Equal(CheckinMatchKind.None, CheckinMatcher.ForCheckIn([], At).Kind);
    }

    [Fact]
    public void ForCheckIn_CheckinAtTheEntrysTime_IsRecognisedAsItsOwn()
    {
        var match = CheckinMatcher.ForCheckIn([Visit(1, At.AddHours(-3), At.AddHours(-2)), Visit(2, At.AddMilliseconds(400))], At);

        Assert.Equal(new CheckinMatch(CheckinMatchKind.Recovered, 2), match);
    }

    [Fact]
    public void ForCheckIn_OpenCheckinFromEarlier_MeansAlreadyCheckedIn()
    {
        var match = CheckinMatcher.ForCheckIn([Visit(1, At.AddHours(-3))], At);

        Assert.Equal(new CheckinMatch(CheckinMatchKind.Existing, 1), match);
    }

    [Fact]
    public void ForCheckIn_LateEntryInsideAClosedVisit_MeansAlreadyCheckedIn()
    {
        var match = CheckinMatcher.ForCheckIn([Visit(1, At.AddHours(-1), At.AddHours(1))], At);

        Assert.Equal(new CheckinMatch(CheckinMatchKind.Existing, 1), match);
    }

    [Fact]
    public void ForCheckIn_OnlyClosedVisitsBefore_CreatesOne()
    {
        Assert.Equal(CheckinMatchKind.None, CheckinMatcher.ForCheckIn([Visit(1, At.AddHours(-5), At.AddHours(-4))], At).Kind);
    }

    [Fact]
    public void ForCheckOut_OpenCheckin_ClosesTheLatestThatBeganBefore()
    {
        var match = CheckinMatcher.ForCheckOut([Visit(1, At.AddHours(-9)), Visit(2, At.AddHours(-2))], At);

        Assert.Equal(new CheckinMatch(CheckinMatchKind.Existing, 2), match);
    }

    [Fact]
    public void ForCheckOut_OpenCheckinThatBeganAfterTheExit_IsLeftOpen()
    {
        // A late exit entry must not end a later visit.
        Assert.Equal(CheckinMatchKind.None, CheckinMatcher.ForCheckOut([Visit(1, At.AddHours(1))], At).Kind);
    }

    [Fact]
    public void ForCheckOut_CheckinClosedAtTheEntrysTime_IsRecognisedAsItsOwn()
    {
        var match = CheckinMatcher.ForCheckOut([Visit(1, At.AddHours(-2), At)], At);

        Assert.Equal(new CheckinMatch(CheckinMatchKind.Recovered, 1), match);
    }
}
