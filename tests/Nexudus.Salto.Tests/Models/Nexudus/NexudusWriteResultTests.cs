using System.Text.Json;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class NexudusWriteResultTests
{
    private const string Success = """
        {
          "Status": 200,
          "Message": "CoworkerTimePass was successfully created.",
          "Value": { "Id": 87654321 },
          "OpenInDialog": false, "OpenInWindow": false,
          "RedirectURL": null, "JavaScript": null,
          "UpdatedOn": "2025-01-15T10:30:00Z", "UpdatedBy": "admin@example.com",
          "Errors": null,
          "WasSuccessful": true
        }
        """;

    private const string ValidationFailure = """
        { "Status": 400, "Message": "BusinessId: 'Business' must not be empty.", "Value": null, "WasSuccessful": false,
          "Errors": [
            { "AttemptedValue": null, "Message": "'Business' must not be empty.", "PropertyName": "BusinessId" },
            { "AttemptedValue": "abc", "Message": "'Create Multiple' must be a number.", "PropertyName": "CreateMultiple" },
            { "AttemptedValue": 0, "Message": "'Time Pass' must not be empty.", "PropertyName": "TimePassId" }
          ] }
        """;

    [Fact]
    public void Deserialize_Success_ReadsValueIdAndWasSuccessful()
    {
        var result = ModelAssert.Read<NexudusWriteResult>(Success);

        Assert.True(result.WasSuccessful);
        Assert.Equal(200, result.Status);
        Assert.Equal("CoworkerTimePass was successfully created.", result.Message);
        Assert.Equal(87654321L, result.Value?.Id);
        Assert.Null(result.Errors);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.Zero), result.UpdatedOn);
        Assert.Equal("admin@example.com", result.UpdatedBy);
    }

    [Fact]
    public void Deserialize_ValidationFailure_ReadsEveryError()
    {
        var result = ModelAssert.Read<NexudusWriteResult>(ValidationFailure);

        Assert.False(result.WasSuccessful);
        Assert.Equal(400, result.Status);
        Assert.Equal("BusinessId: 'Business' must not be empty.", result.Message);
        Assert.Null(result.Value);
        Assert.NotNull(result.Errors);
        Assert.Collection(
            result.Errors,
            error =>
            {
                Assert.Equal("BusinessId", error.PropertyName);
                Assert.Equal("'Business' must not be empty.", error.Message);
                Assert.Null(error.AttemptedValue);
            },
            error =>
            {
                Assert.Equal("CreateMultiple", error.PropertyName);
                Assert.Equal("'Create Multiple' must be a number.", error.Message);
                Assert.Equal("abc", error.AttemptedValue?.GetString());
            },
            error =>
            {
                Assert.Equal("TimePassId", error.PropertyName);
                Assert.Equal("'Time Pass' must not be empty.", error.Message);
                Assert.Equal(JsonValueKind.Number, error.AttemptedValue?.ValueKind);
            });
    }

    [Fact]
    public void Deserialize_RuleFailureWithHttp200Body_ReportsNotSuccessful()
    {
        const string body = """{ "Status": 200, "Message": "The customer does not have a valid pass.", "Value": null, "WasSuccessful": false, "Errors": null }""";

        var result = ModelAssert.Read<NexudusWriteResult>(body);

        Assert.False(result.WasSuccessful);
        Assert.Equal("The customer does not have a valid pass.", result.Message);
    }

    [Fact]
    public void Deserialize_ValueHoldingTheFullRecord_ReadsOnlyTheId()
    {
        var body = $$"""{ "Status": 200, "Message": "Checkin was successfully created.", "WasSuccessful": true, "Value": {{NexudusPayloads.CheckInFull}} }""";

        var result = ModelAssert.Read<NexudusWriteResult>(body);

        Assert.Equal(1419100001L, result.Value?.Id);
    }

    [Fact]
    public void RoundTrip_ValidationFailure_PreservesErrors()
    {
        var result = ModelAssert.Read<NexudusWriteResult>(ValidationFailure);

        var copy = ModelAssert.RoundTrip(result, NexudusJsonContext.Default.NexudusWriteResult);

        ModelAssert.Equivalent(result, copy);
    }

    [Fact]
    public void RoundTrip_Success_PreservesValueAndUpdatedOn()
    {
        var result = ModelAssert.Read<NexudusWriteResult>(Success);

        var copy = ModelAssert.RoundTrip(result, NexudusJsonContext.Default.NexudusWriteResult);

        ModelAssert.Equivalent(result, copy);
    }
}
