using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsErrorBodyTests
{
    [Theory]
    [InlineData("""{ "ErrorCode": "2202", "Message": "User not found" }""")]
    [InlineData("""{ "ErrorCode": 2202, "Message": "User not found" }""")]
    public void Deserialize_ErrorCodeAsStringOrNumber_ReadsText(string json)
    {
        SaltoKsErrorBody error = JsonSerializer.Deserialize(json, SaltoKsJsonContext.Default.SaltoKsErrorBody)!;

        Assert.Equal("2202", error.ErrorCode);
        Assert.Equal("User not found", error.Message);
    }

    [Fact]
    public void Deserialize_DocumentedPermissionError_RoundTripsInPascalCase()
    {
        const string Json = """{ "ErrorCode": "2203", "Message": "User does not have permission for this operation on this user" }""";

        SaltoKsErrorBody error = SaltoKsJsonAssert.RoundTrips(Json, SaltoKsJsonContext.Default.SaltoKsErrorBody);

        Assert.Equal(new SaltoKsErrorBody { ErrorCode = "2203", Message = "User does not have permission for this operation on this user" }, error);
        SaltoKsJsonAssert.SameJson(Json, JsonSerializer.Serialize(error, SaltoKsJsonContext.Default.SaltoKsErrorBody));
    }

    [Fact]
    public void Deserialize_ProblemDetailsBody_HasNoCode()
    {
        SaltoKsErrorBody error = JsonSerializer.Deserialize(
            """{ "type": "https://tools.ietf.org/html/rfc7231#section-6.5.3", "title": "Forbidden", "status": 403 }""",
            SaltoKsJsonContext.Default.SaltoKsErrorBody)!;

        Assert.Null(error.ErrorCode);
        Assert.Null(error.Message);
    }

    [Fact]
    public void Deserialize_ErrorCodeAsObject_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{ "ErrorCode": { } }""", SaltoKsJsonContext.Default.SaltoKsErrorBody));
}
