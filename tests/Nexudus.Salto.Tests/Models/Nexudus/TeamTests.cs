using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class TeamTests
{
    [Fact]
    public void Deserialize_DocumentedExample_ReadsMembersAndPayingMember()
    {
        var team = ModelAssert.Read<Team>(NexudusPayloads.TeamDocumented);

        Assert.Equal(1415000123L, team.Id);
        Assert.Equal(1414000001L, team.BusinessId);
        Assert.Equal("Acme", team.Name);
        Assert.Equal([1415604543L], team.TeamMembers);
        Assert.Equal([1415604543L], team.TeamAdministrators);
        Assert.Equal(1415604543L, team.PayingMemberId);
        Assert.True(team.ShareTimePasses);
    }

    [Fact]
    public void Deserialize_FullPayload_KeepsCoworkerIdsAsString()
    {
        var team = ModelAssert.Read<Team>(NexudusPayloads.TeamFull);

        Assert.Equal("1415604543,1415914201", team.CoworkerIds);
        Assert.Equal(2, team.ActiveContracts);
        Assert.Equal(10, team.MaxTeamMemberCount);
    }
}
