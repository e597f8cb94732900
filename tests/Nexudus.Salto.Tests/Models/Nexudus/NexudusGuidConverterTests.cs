using System.Text.Json;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class NexudusGuidConverterTests
{
    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\" \"")]
    public void Read_NullOrEmpty_IsNull(string wireValue)
    {
        var record = ModelAssert.Read<Booking>($$"""{ "Id": 1, "UniqueId": {{wireValue}} }""");

        Assert.Null(record.UniqueId);
    }

    [Fact]
    public void Read_Guid_IsParsed()
    {
        var record = ModelAssert.Read<Booking>("""{ "Id": 1, "UniqueId": "d7ac5d56-1c2e-4f3a-9b8d-7e6f5a4b3c2d" }""");

        Assert.Equal(new Guid("d7ac5d56-1c2e-4f3a-9b8d-7e6f5a4b3c2d"), record.UniqueId);
    }

    [Fact]
    public void Read_NotAGuid_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => ModelAssert.Read<Booking>("""{ "Id": 1, "UniqueId": "d7ac5d56-..." }"""));
    }

    [Fact]
    public void Write_Guid_WritesLowerCaseString()
    {
        var json = ModelAssert.Write(new Booking { Id = 1, UniqueId = new Guid("D7AC5D56-1C2E-4F3A-9B8D-7E6F5A4B3C2D") });

        Assert.Equal("d7ac5d56-1c2e-4f3a-9b8d-7e6f5a4b3c2d", json.GetProperty("UniqueId").GetString());
    }
}
