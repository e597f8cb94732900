using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class TimePassTests
{
    [Fact]
    public void Deserialize_DocumentedDayPass_HasNoMinutesIncluded()
    {
        var pass = ModelAssert.Read<TimePass>(NexudusPayloads.TimePassDocumented);

        Assert.Equal(1414999001L, pass.Id);
        Assert.Equal(1414000001L, pass.BusinessId);
        Assert.Equal("Day Pass", pass.Name);
        Assert.Null(pass.MinutesIncluded);
        Assert.Null(pass.AccessControlGroupId);
        Assert.Null(pass.AccessControlGroupIds);
        Assert.False(pass.Archived);
    }

    [Fact]
    public void Deserialize_FullPayload_ReadsMinutesAndAccessGroups()
    {
        var pass = ModelAssert.Read<TimePass>(NexudusPayloads.TimePassFull);

        Assert.Equal(600, pass.MinutesIncluded);
        Assert.Equal(45.50m, pass.Price);
        Assert.Equal("5d3f6a9e-2c1b-4e8f-9a7d-3b2c1d0e9f8a", pass.AccessControlGroupId);
        Assert.Equal("5d3f6a9e-2c1b-4e8f-9a7d-3b2c1d0e9f8a,8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d", pass.AccessControlGroupIds);
        Assert.Equal([1414000001L, 1414000002L], pass.Businesses);
        Assert.Equal([1414997001L], pass.Tariffs);
    }
}
