using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sandboxes;

/// <summary>
/// A whole flow against the Nexudus sandbox with its default (documented) rate limits, written as
/// a user would test their own code: token, paged reads that honour 409 + Retry-After, a check-in
/// and its close.
/// </summary>
public sealed class NexudusSandboxFlowTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Sends a request, waiting out every 409 on the fake clock as a well-behaved client would.</summary>
    private static async Task<HttpResponseMessage> SendPolitelyAsync(HttpClient client, FakeTimeProvider time, Func<HttpRequestMessage> request, List<TimeSpan> waits)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var response = await client.SendAsync(request());
            if (response.StatusCode != HttpStatusCode.Conflict)
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            waits.Add(wait);
            response.Dispose();
            time.Advance(wait);
        }

        throw new InvalidOperationException("Still throttled after 10 attempts.");
    }

    [Fact]
    public async Task Flow_WithDocumentedRateLimits_ReadsEveryCustomerAndRecordsACheckInWhenTheClientHonoursRetryAfter()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { TimeProvider = time, MaxPageSize = 50 });
        var seed = sandbox.Seed(b => b
            .Location("Central", TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))
            .Customers(120)
            .Pass("Day Pass")
            .CustomerPass("customer0007@example.com", "Day Pass"));
        using var client = new HttpClient { BaseAddress = sandbox.BaseUrl };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var waits = new List<TimeSpan>();

        using var token = await SendPolitelyAsync(client, time, () => new HttpRequestMessage(HttpMethod.Post, "api/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "password"), new("username", sandbox.Username), new("password", sandbox.Password)]),
        }, waits);
        using (var tokenJson = JsonDocument.Parse(await token.Content.ReadAsStringAsync()))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokenJson.RootElement.GetProperty("access_token").GetString());
        }

        var ids = new List<long>();
        var hasNext = true;
        for (var page = 1; hasNext; page++)
        {
            using var response = await SendPolitelyAsync(client, time, () => new HttpRequestMessage(HttpMethod.Get, $"api/spaces/coworkers?page={page}&size=500"), waits);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.AddRange(json.RootElement.GetProperty("Records").EnumerateArray().Select(r => r.GetProperty("Id").GetInt64()));
            hasNext = json.RootElement.GetProperty("HasNextPage").GetBoolean();
        }

        var customer = seed.Customer("customer0007@example.com");
        using var created = await SendPolitelyAsync(client, time, () => new HttpRequestMessage(HttpMethod.Post, "api/spaces/checkins")
        {
            Content = JsonContent($$"""{ "BusinessId": {{seed.Location("Central").Id}}, "CoworkerId": {{customer.Id}}, "FromTime": "2025-03-03T08:05:00Z" }"""),
        }, waits);
        long checkInId;
        using (var createdJson = JsonDocument.Parse(await created.Content.ReadAsStringAsync()))
        {
            Assert.True(createdJson.RootElement.GetProperty("WasSuccessful").GetBoolean());
            checkInId = createdJson.RootElement.GetProperty("Value").GetProperty("Id").GetInt64();
        }

        using var closed = await SendPolitelyAsync(client, time, () => new HttpRequestMessage(HttpMethod.Put, "api/spaces/checkins")
        {
            Content = JsonContent($$"""{ "Id": {{checkInId}}, "BusinessId": {{seed.Location("Central").Id}}, "CoworkerId": {{customer.Id}}, "FromTime": "2025-03-03T08:05:00Z", "ToTime": "2025-03-03T17:30:00Z" }"""),
        }, waits);

        Assert.Equal(seed.All<Coworker>().Select(c => c.Id).Order(), ids.Order());
        Assert.NotEmpty(waits);
        Assert.All(waits, w => Assert.Equal(TimeSpan.FromSeconds(1), w));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var checkIn = Assert.Single(sandbox.GetAll<CheckIn>());
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 17, 30, 0, TimeSpan.Zero), checkIn.ToTime);
        Assert.Equal(2, sandbox.Requests.GetRequests().Count(r => r.IsWrite && !r.Throttled));
        Assert.Equal(waits.Count, sandbox.Requests.GetCounters().ThrottlesServed);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
