using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class CoworkerContractTests
{
    [Fact]
    public void Deserialize_DocumentedExample_ReadsStatusStartAndDesks()
    {
        var contract = ModelAssert.Read<CoworkerContract>(NexudusPayloads.CoworkerContractDocumented);

        Assert.Equal(1416000001L, contract.Id);
        Assert.Equal(1415604543L, contract.CoworkerId);
        Assert.Equal(1414997001L, contract.TariffId);
        Assert.True(contract.Active);
        Assert.False(contract.Cancelled);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), contract.StartDate);
        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), contract.StartDateLocal);
        Assert.Null(contract.CancellationDate);
        Assert.False(contract.InPausedPeriod);
        Assert.Equal([1417000001L], contract.Desks);
    }

    [Fact]
    public void Deserialize_FullPayload_ReadsCancellationAndPauseWithLocalTwins()
    {
        var contract = ModelAssert.Read<CoworkerContract>(NexudusPayloads.CoworkerContractFull);

        Assert.Equal(new DateTimeOffset(2025, 6, 30, 23, 0, 0, TimeSpan.Zero), contract.StartDate);
        Assert.Equal(new DateTime(2025, 7, 1, 0, 0, 0), contract.StartDateLocal);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), contract.CancellationDate);
        Assert.Equal(new DateTime(2026, 1, 31, 0, 0, 0), contract.CancellationDateLocal);
        Assert.True(contract.InPausedPeriod);
        Assert.Equal(new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero), contract.InPausedPeriodFrom);
        Assert.Equal(new DateTimeOffset(2025, 8, 31, 0, 0, 0, TimeSpan.Zero), contract.InPausedPeriodUntil);
        Assert.Equal([1417200001L], contract.Variants);
        Assert.Equal("1417000001,1417000002", contract.FloorPlanDeskIds);
    }
}
