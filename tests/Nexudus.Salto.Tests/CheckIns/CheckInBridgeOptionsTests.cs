using Nexudus.Salto.Entitlements;
using Nexudus.Salto.CheckIns;

namespace Nexudus.Salto.Tests.CheckIns;

public sealed class CheckInBridgeOptionsTests
{
    private static IntegrationLocation Location(long business, string site, params (string Lock, ReaderRole Role)[] readers) => new()
    {
        Links = new LocationLinks { NexudusBusinessId = business, SaltoSiteId = site },
        Readers = readers.ToDictionary(r => r.Lock, r => r.Role),
    };

    [Fact]
    public void Validate_Defaults_HaveNoProblems()
    {
        var options = new CheckInBridgeOptions { Locations = [Location(1, "site", ("lock", ReaderRole.CheckIn))] };

        Assert.Empty(options.Validate());
        Assert.Equal(TimeSpan.FromHours(1), options.CheckInLookBack);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Debounce);
        Assert.Equal(PastDayCheckInMode.Closed, options.PastDayCheckIns);
        Assert.Equal(TimeSpan.FromHours(1), options.PastDayDefaultStay);
        Assert.False(options.MatchTagsByAccessCardId);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(24, 0)]
    [InlineData(1, 7)]
    public void Validate_BadPastDaySettings_NamesTheKeys(int stayHours, int mode)
    {
        var options = new CheckInBridgeOptions
        {
            Locations = [Location(1, "site", ("lock", ReaderRole.CheckIn))],
            PastDayDefaultStay = TimeSpan.FromHours(stayHours),
            PastDayCheckIns = (PastDayCheckInMode)mode,
        };

        var problems = options.Validate();

        Assert.Single(problems);
        Assert.StartsWith(mode == 7 ? "PastDayCheckIns:" : "PastDayDefaultStay:", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadKeys_ListsEveryOneByItsPath()
    {
        var options = new CheckInBridgeOptions
        {
            Locations = [Location(0, " ", ("lock-a", ReaderRole.CheckIn)), Location(2, "site", ("LOCK-A", ReaderRole.CheckOut), ("lock-b", ReaderRole.None))],
            Debounce = TimeSpan.FromSeconds(-1),
            MaxCreateAttempts = 0,
        };

        Assert.Equal(
            [
                "Locations:0:NexudusBusinessId: must be a positive id.",
                "Locations:0:SaltoSiteId: is required.",
                "Locations:1:Readers:LOCK-A: the lock is already a reader of Locations:0.",
                "Locations:1:Readers:lock-b: must be CheckIn or CheckOut.",
                "Debounce: must not be negative.",
                "MaxCreateAttempts: must be at least 1.",
            ],
            options.Validate());
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithTheProblems()
    {
        var options = new CheckInBridgeOptions { Locations = [Location(0, "site")] };

        var error = Assert.Throws<ArgumentException>(() => new CheckInBridge(
            new UnusedNexudusClient(), new UnusedSaltoKsClient(), new global::Nexudus.Salto.State.InMemorySyncStateStore(), options));

        Assert.Contains("Locations:0:NexudusBusinessId", error.Message, StringComparison.Ordinal);
    }

    private sealed class UnusedNexudusClient : global::Nexudus.Salto.Nexudus.NexudusClient;

    private sealed class UnusedSaltoKsClient : global::Nexudus.Salto.SaltoKs.SaltoKsClient;
}
