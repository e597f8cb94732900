using System.Net;
using System.Text.Json;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.Tests.Sandboxes.Nexudus.NexudusSandboxHttp;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>Writes, the write envelope and the check-in rules.</summary>
public sealed class NexudusSandboxWriteTests
{
    private static string CheckInBody(long businessId, long coworkerId, string fromTime = "2025-01-15T09:00:00Z") =>
        $$"""{ "BusinessId": {{businessId}}, "CoworkerId": {{coworkerId}}, "FromTime": "{{fromTime}}", "ToTime": null }""";

    private static async Task<JsonElement> PostCheckInAsync(HttpClient client, NexudusSeed seed, string email)
    {
        using var response = await client.PostAsync("api/spaces/checkins",
            Json(CheckInBody(seed.Location("Central").Id, seed.Customer(email).Id)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    [Fact]
    public async Task PostCheckIn_CustomerWithAValidPass_ReturnsTheSuccessEnvelope()
    {
        await using var sandbox = await StartTodayAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);

        var result = await PostCheckInAsync(client, seed, "sam@example.com");

        Assert.True(result.GetProperty("WasSuccessful").GetBoolean());
        Assert.Equal(200, result.GetProperty("Status").GetInt32());
        Assert.Equal("Checkin was successfully created.", result.GetProperty("Message").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("Errors").ValueKind);
        var id = result.GetProperty("Value").GetProperty("Id").GetInt64();
        var stored = Assert.Single(sandbox.GetAll<CheckIn>());
        Assert.Equal(id, stored.Id);
        Assert.Null(stored.ToTime);
    }

    [Fact]
    public async Task PostCheckIn_OnAPass_MarksThePassUsedAndCheckedIn()
    {
        await using var sandbox = await StartTodayAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);

        await PostCheckInAsync(client, seed, "sam@example.com");

        var pass = Assert.Single(sandbox.GetAll<CoworkerTimePass>());
        Assert.True(pass.Used);
        Assert.True(pass.CheckedIn);
        Assert.Equal(pass.UniqueId, sandbox.GetAll<CheckIn>()[0].CoworkerTimePassGuid);
    }

    [Fact]
    public async Task PostCheckIn_CustomerWithAnActiveContract_Succeeds()
    {
        await using var sandbox = await StartTodayAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);

        var result = await PostCheckInAsync(client, seed, "kim@example.com");

        Assert.True(result.GetProperty("WasSuccessful").GetBoolean());
    }

    [Fact]
    public async Task PostCheckIn_CustomerWithoutPassOrContract_Returns200WithWasSuccessfulFalseAndStoresNothing()
    {
        await using var sandbox = await StartTodayAsync();
        SeedCentral(sandbox);
        var seed = sandbox.Seed(b => b.AtLocation("Central").Customer("lee@example.com", "Lee Nopass"));
        using var client = Client(sandbox);

        var result = await PostCheckInAsync(client, seed, "lee@example.com");

        Assert.False(result.GetProperty("WasSuccessful").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("Value").ValueKind);
        Assert.Empty(sandbox.GetAll<CheckIn>());
    }

    [Fact]
    public async Task PostCheckIn_CustomerWithoutPassOrContract_NamesTheCustomerInTheErrorsArray()
    {
        await using var sandbox = await StartTodayAsync();
        SeedCentral(sandbox);
        var seed = sandbox.Seed(b => b.AtLocation("Central").Customer("lee@example.com", "Lee Nopass"));
        using var client = Client(sandbox);

        var result = await PostCheckInAsync(client, seed, "lee@example.com");

        var error = Assert.Single(result.GetProperty("Errors").EnumerateArray());
        Assert.Equal("CoworkerId", error.GetProperty("PropertyName").GetString());
        Assert.Equal(seed.Customer("lee@example.com").Id, error.GetProperty("AttemptedValue").GetInt64());
        Assert.StartsWith("CoworkerId: ", result.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCheckIn_UnknownCustomer_Returns400NamingTheCustomerInTheErrorsArray()
    {
        await using var sandbox = await StartTodayAsync();
        using var client = Client(sandbox);

        using var response = await client.PostAsync("api/spaces/checkins", Json("""{ "BusinessId": 1, "CoworkerId": 42, "FromTime": "2025-01-15T09:00:00Z" }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = await ReadJsonAsync(response);
        var error = Assert.Single(result.GetProperty("Errors").EnumerateArray());
        Assert.Equal("CoworkerId", error.GetProperty("PropertyName").GetString());
        Assert.Equal(42, error.GetProperty("AttemptedValue").GetInt64());
        Assert.Empty(sandbox.GetAll<CheckIn>());
    }

    [Fact]
    public async Task PostCheckIn_PassExpiredBeforeTheCheckIn_IsRefused()
    {
        await using var sandbox = await StartTodayAsync();
        var seed = sandbox.Seed(b => b
            .Location("Central")
            .Customer("sam@example.com", "Sam Example")
            .Pass("Day Pass")
            .CustomerPass("sam@example.com", "Day Pass", p => p with { ExpireDate = new DateTimeOffset(2025, 1, 14, 0, 0, 0, TimeSpan.Zero) }));
        using var client = Client(sandbox);

        var result = await PostCheckInAsync(client, seed, "sam@example.com");

        Assert.False(result.GetProperty("WasSuccessful").GetBoolean());
    }

    [Fact]
    public async Task PostCheckIn_RuleTurnedOff_SucceedsWithoutAPass()
    {
        await using var sandbox = await StartTodayAsync(o => o.RequirePassOrContractForCheckIn = false);
        var seed = sandbox.Seed(b => b.Location("Central").Customer("lee@example.com", "Lee Nopass"));
        using var client = Client(sandbox);

        var result = await PostCheckInAsync(client, seed, "lee@example.com");

        Assert.True(result.GetProperty("WasSuccessful").GetBoolean());
    }

    [Fact]
    public async Task PostCheckIn_WithoutBusinessId_Returns400WithTheErrorsArray()
    {
        await using var sandbox = await StartTodayAsync();
        using var client = Client(sandbox);

        using var response = await client.PostAsync("api/spaces/checkins", Json("""{ "FromTime": "2025-01-15T09:00:00Z" }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = await ReadJsonAsync(response);
        Assert.False(result.GetProperty("WasSuccessful").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("Value").ValueKind);
        var error = Assert.Single(result.GetProperty("Errors").EnumerateArray());
        Assert.Equal("BusinessId", error.GetProperty("PropertyName").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("AttemptedValue").ValueKind);
        Assert.StartsWith("BusinessId: ", result.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400()
    {
        await using var sandbox = await StartTodayAsync();
        using var client = Client(sandbox);

        using var response = await client.PostAsync("api/spaces/checkins", Json("""{ "BusinessId": 1, """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await ReadJsonAsync(response)).GetProperty("WasSuccessful").GetBoolean());
    }

    [Fact]
    public async Task PutCheckIn_WithToTime_ClosesItAndReturnsOnlyTheId()
    {
        await using var sandbox = await StartTodayAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);
        var id = (await PostCheckInAsync(client, seed, "sam@example.com")).GetProperty("Value").GetProperty("Id").GetInt64();

        using var response = await client.PutAsync("api/spaces/checkins", Json($$"""
            { "Id": {{id}}, "BusinessId": {{seed.Location("Central").Id}}, "CoworkerId": {{seed.Customer("sam@example.com").Id}},
              "FromTime": "2025-01-15T09:00:00Z", "ToTime": "2025-01-15T17:00:00Z" }
            """));

        var result = await ReadJsonAsync(response);
        Assert.True(result.GetProperty("WasSuccessful").GetBoolean());
        Assert.Equal("""{"Id":%ID%}""".Replace("%ID%", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), result.GetProperty("Value").GetRawText());
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 17, 0, 0, TimeSpan.Zero), sandbox.Get<CheckIn>(id)!.ToTime);
        Assert.False(Assert.Single(sandbox.GetAll<CoworkerTimePass>()).CheckedIn);
    }

    [Fact]
    public async Task Put_FieldsLeftOut_AreCleared()
    {
        await using var sandbox = await StartTodayAsync();
        var seed = SeedCentral(sandbox);
        var checkIn = sandbox.Put(new CheckIn
        {
            BusinessId = seed.Location("Central").Id,
            CoworkerId = seed.Customer("sam@example.com").Id,
            FromTime = Now,
            MacAddresses = "00:11:22:33:44:55",
        });
        using var client = Client(sandbox);

        using var response = await client.PutAsync("api/spaces/checkins", Json($$"""
            { "Id": {{checkIn.Id}}, "BusinessId": {{checkIn.BusinessId}}, "FromTime": "2025-01-15T10:30:00Z" }
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = sandbox.Get<CheckIn>(checkIn.Id)!;
        Assert.Null(stored.MacAddresses);
        Assert.Null(stored.CoworkerId);
    }

    [Fact]
    public async Task Put_UnknownId_Returns404Envelope()
    {
        await using var sandbox = await StartTodayAsync();
        using var client = Client(sandbox);

        using var response = await client.PutAsync("api/spaces/checkins", Json("""{ "Id": 1499999999, "BusinessId": 1, "FromTime": "2025-01-15T10:30:00Z" }"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((await ReadJsonAsync(response)).GetProperty("WasSuccessful").GetBoolean());
    }

    [Fact]
    public async Task PostCheckIn_WhenPlainIsLocal_ReadsFromTimeAsTheLocationsWallClock()
    {
        await using var sandbox = await StartTodayAsync(o => o.PlainDateReading = NexudusPlainDateReading.Local);
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);

        using var response = await client.PostAsync("api/spaces/checkins",
            Json(CheckInBody(seed.Location("Central").Id, seed.Customer("sam@example.com").Id, "2025-01-15T10:00:00Z")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero), Assert.Single(sandbox.GetAll<CheckIn>()).FromTime);
    }

    [Fact]
    public async Task PostAndDeleteWebhook_CreatesThenRemovesIt()
    {
        await using var sandbox = await StartTodayAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);

        using var created = await client.PostAsync("api/sys/webhooks", Json($$"""
            { "BusinessId": {{seed.Location("Central").Id}}, "Name": "Booking updates", "Action": 7,
              "URL": "https://example.com/hooks/nexudus", "Active": true }
            """));
        var id = (await ReadJsonAsync(created)).GetProperty("Value").GetProperty("Id").GetInt64();
        var listed = (await client.GetJsonAsync("api/sys/webhooks")).GetProperty("Records");
        using var deleted = await client.DeleteAsync($"api/sys/webhooks/{id}");

        Assert.Equal("https://example.com/hooks/nexudus", Assert.Single(listed.EnumerateArray()).GetProperty("URL").GetString());
        Assert.Equal("WebHook was successfully deleted.", (await ReadJsonAsync(deleted)).GetProperty("Message").GetString());
        Assert.Empty(sandbox.GetAll<Webhook>());
    }

    [Fact]
    public async Task PostWebhook_WithoutUrl_Returns400NamingTheField()
    {
        await using var sandbox = await StartTodayAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);

        using var response = await client.PostAsync("api/sys/webhooks", Json($$"""{ "BusinessId": {{seed.Location("Central").Id}}, "Name": "x", "Action": 7 }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("URL", Assert.Single((await ReadJsonAsync(response)).GetProperty("Errors").EnumerateArray()).GetProperty("PropertyName").GetString());
    }

    [Fact]
    public async Task DeleteBooking_MovesItToCancelledBookings()
    {
        await using var sandbox = await StartTodayAsync();
        SeedCentral(sandbox);
        var booking = Assert.Single(sandbox.GetAll<Booking>());
        using var client = Client(sandbox);

        using var response = await client.DeleteAsync($"api/spaces/bookings/{booking.Id}");
        var bookings = (await client.GetJsonAsync("api/spaces/bookings")).GetProperty("Records");
        var cancelled = (await client.GetJsonAsync("api/spaces/cancelledbookings")).GetProperty("Records");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, bookings.GetArrayLength());
        Assert.Equal(booking.Id, Assert.Single(cancelled.EnumerateArray()).GetProperty("Id").GetInt64());
    }

    [Theory]
    [InlineData("DELETE", "api/spaces/coworkers/{0}")]
    [InlineData("POST", "api/sys/businesses")]
    [InlineData("POST", "api/spaces/cancelledbookings")]
    public async Task Write_ThatTheEntityDoesNotAllow_Returns405(string method, string pathFormat)
    {
        await using var sandbox = await StartTodayAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, seed.Customer("sam@example.com").Id))
        {
            Content = method == "POST" ? Json("{}") : null,
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    /// <summary>
    /// A sandbox whose clock stands at <see cref="NexudusSandboxHttp.Now"/>, so the check-ins of these tests (dated that
    /// day) are today's, as the live rule for open check-ins requires.
    /// </summary>
    private static Task<NexudusSandbox> StartTodayAsync(Action<NexudusSandboxOptions>? configure = null) =>
        StartAsync(o =>
        {
            o.TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
            configure?.Invoke(o);
        });

    [Fact]
    public async Task PostCheckIn_OpenAndDatedAnotherDay_Returns400WithTheGenericMessageAndStoresNothing()
    {
        await using var sandbox = await StartTodayAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);

        using var response = await client.PostAsync("api/spaces/checkins", Json(CheckInBody(seed.Location("Central").Id, seed.Customer("sam@example.com").Id, "2025-01-14T09:00:00Z")));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.False(body.GetProperty("WasSuccessful").GetBoolean());
        Assert.StartsWith("Ooops! There was a problem while running this action", body.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Empty(sandbox.GetAll<CheckIn>());
    }

    [Fact]
    public async Task PostCheckIn_ClosedAndDatedAnotherDay_IsStored()
    {
        await using var sandbox = await StartTodayAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);

        using var response = await client.PostAsync("api/spaces/checkins", Json($$"""
            { "BusinessId": {{seed.Location("Central").Id}}, "CoworkerId": {{seed.Customer("sam@example.com").Id}},
              "FromTime": "2025-01-14T09:00:00Z", "ToTime": "2025-01-14T10:00:00Z" }
            """));

        Assert.True((await ReadJsonAsync(response)).GetProperty("WasSuccessful").GetBoolean());
        Assert.Single(sandbox.GetAll<CheckIn>());
    }

    [Fact]
    public async Task PostCheckIn_OpenAnotherDayWithTheRuleOff_IsStored()
    {
        await using var sandbox = await StartTodayAsync(o => o.OpenCheckInsOnlyToday = false);
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);

        using var response = await client.PostAsync("api/spaces/checkins", Json(CheckInBody(seed.Location("Central").Id, seed.Customer("sam@example.com").Id, "2025-01-14T09:00:00Z")));

        Assert.True((await ReadJsonAsync(response)).GetProperty("WasSuccessful").GetBoolean());
    }
}
