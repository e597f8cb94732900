using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class ResourceTests
{
    [Fact]
    public void Deserialize_DocumentedExample_ReadsTypeVisibilityAndAccessGroup()
    {
        var resource = ModelAssert.Read<Resource>(NexudusPayloads.ResourceDocumented);

        Assert.Equal(1414925063L, resource.Id);
        Assert.Equal(1414000001L, resource.BusinessId);
        Assert.Equal("Small meeting room", resource.Name);
        Assert.Equal(1414900001L, resource.ResourceTypeId);
        Assert.True(resource.Visible);
        Assert.False(resource.Archived);
        Assert.Null(resource.AccessControlGroupId);
    }
}
