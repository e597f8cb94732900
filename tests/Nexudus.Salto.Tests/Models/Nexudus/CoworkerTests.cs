using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class CoworkerTests
{
    [Fact]
    public void Deserialize_DocumentedExample_ReadsIdentityStatusAndAccessFields()
    {
        var coworker = ModelAssert.Read<Coworker>(NexudusPayloads.CoworkerDocumented);

        Assert.Equal(1415604543L, coworker.Id);
        Assert.Equal(CoworkerType.Individual, coworker.CoworkerType);
        Assert.Equal("Sam Example", coworker.FullName);
        Assert.Equal("sam@example.com", coworker.Email);
        Assert.True(coworker.Active);
        Assert.False(coworker.Archived);
        Assert.Equal([1414000001L], coworker.Businesses);
        Assert.Equal([1415000123L], coworker.Teams);
        Assert.Equal("12345678", coworker.AccessCardId);
        Assert.Null(coworker.KeyFobNumber);
        Assert.Equal("4321", coworker.AccessPincode);
        Assert.Equal(1415000999L, coworker.UserId);
        Assert.Equal(12L, coworker.SimpleTimeZoneId);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.Zero), coworker.UpdatedOn);
    }

    [Fact]
    public void Deserialize_FullPayload_KeepsCoworkerContractIdsAsString()
    {
        var coworker = ModelAssert.Read<Coworker>(NexudusPayloads.CoworkerFull);

        Assert.Equal("1416000001,1416000002", coworker.CoworkerContractIds);
        Assert.Equal("Sam", coworker.GuessedFirstName);
        Assert.Equal("Example", coworker.GuessedLastName);
        Assert.Equal(1414000001L, coworker.InvoicingBusinessId);
        Assert.Equal(1414997001L, coworker.TariffId);
    }

    [Fact]
    public void Deserialize_ListRecordWithoutCollections_LeavesCollectionsNull()
    {
        const string listRecord = """{ "Id": 1415604543, "FullName": "Sam Example", "Active": true }""";

        var coworker = ModelAssert.Read<Coworker>(listRecord);

        Assert.Null(coworker.Businesses);
        Assert.Null(coworker.Teams);
    }

    [Fact]
    public void Deserialize_UnknownCoworkerTypeNumber_KeepsTheNumber()
    {
        var coworker = ModelAssert.Read<Coworker>("""{ "Id": 1, "CoworkerType": 42 }""");

        Assert.Equal((CoworkerType)42, coworker.CoworkerType);
    }
}
