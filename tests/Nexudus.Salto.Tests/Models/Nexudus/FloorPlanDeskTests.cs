using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class FloorPlanDeskTests
{
    [Fact]
    public void Deserialize_DocumentedExample_ReadsItemTypeAssignmentAndAccessGroup()
    {
        var desk = ModelAssert.Read<FloorPlanDesk>(NexudusPayloads.FloorPlanDeskDocumented);

        Assert.Equal(1417000001L, desk.Id);
        Assert.Equal(1417100001L, desk.FloorPlanId);
        Assert.Equal(1414000001L, desk.FloorPlanBusinessId);
        Assert.Equal("Office 101", desk.Name);
        Assert.Equal(FloorPlanItemType.Office, desk.ItemType);
        Assert.Null(desk.ResourceId);
        Assert.Equal(1415604543L, desk.CoworkerId);
        Assert.Equal("5d3f6a9e-2c1b-4e8f-9a7d-3b2c1d0e9f8a", desk.AccessControlGroupId);
        Assert.False(desk.Available);
    }

    [Fact]
    public void Deserialize_UnknownItemType_KeepsTheNumber()
    {
        var desk = ModelAssert.Read<FloorPlanDesk>("""{ "Id": 1417000001, "ItemType": 42 }""");

        Assert.Equal((FloorPlanItemType)42, desk.ItemType);
    }

    [Fact]
    public void Serialize_ItemType_WritesTheNumber()
    {
        var json = ModelAssert.Write(new FloorPlanDesk { Id = 1, ItemType = FloorPlanItemType.Room });

        Assert.Equal(5, json.GetProperty("ItemType").GetInt32());
    }
}
