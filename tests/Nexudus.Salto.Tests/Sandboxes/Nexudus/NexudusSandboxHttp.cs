using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>
/// Plain HTTP access to a <see cref="NexudusSandbox"/> for its own tests: responses are read as
/// raw JSON (<see cref="JsonDocument"/>), never through our models, so the wire shape is what the
/// API notes say and not what the models happen to accept.
/// </summary>
internal static class NexudusSandboxHttp
{
    public static readonly DateTimeOffset Now = new(2025, 1, 15, 10, 30, 0, TimeSpan.Zero);

    /// <summary>Starts a sandbox with rate limits off (tests about throttling turn them on).</summary>
    public static Task<NexudusSandbox> StartAsync(Action<NexudusSandboxOptions>? configure = null)
    {
        var options = new NexudusSandboxOptions { RateLimits = NexudusRateLimits.Disabled };
        configure?.Invoke(options);
        return NexudusSandbox.StartAsync(options);
    }

    /// <summary>A client sending Basic credentials and <c>Accept: application/json</c>.</summary>
    public static HttpClient Client(NexudusSandbox sandbox)
    {
        var client = Anonymous(sandbox);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sandbox.Username}:{sandbox.Password}")));
        return client;
    }

    /// <summary>A client sending no credentials but <c>Accept: application/json</c>.</summary>
    public static HttpClient Anonymous(NexudusSandbox sandbox)
    {
        var client = new HttpClient { BaseAddress = sandbox.BaseUrl };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.EnsureSuccessStatusCode().StatusCode);
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static IEnumerable<long> Ids(this JsonElement records) =>
        records.EnumerateArray().Select(r => r.GetProperty("Id").GetInt64());

    /// <summary>A location in a zone an hour ahead of UTC in winter, a customer with a day pass, and a few more records.</summary>
    public static NexudusSeed SeedCentral(NexudusSandbox sandbox) => sandbox.Seed(b => b
        .Location("Central", TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid"))
        .Customer("sam@example.com", "Sam Example", c => c with { AccessCardId = "12345678" })
        .Customer("kim@example.com", "Kim Other")
        .Pass("Day Pass", "group-day")
        .CustomerPass("sam@example.com", "Day Pass")
        .Plan("Office plan", global::Nexudus.Salto.Nexudus.SystemTariffType.FullTimePrivateOffice)
        .Desk("Office 101", accessControlGroupId: "group-101")
        .Contract("kim@example.com", "Office plan", Now.AddDays(-30), ["Office 101"])
        .Team("Acme", "kim@example.com", ["sam@example.com"])
        .Resource("Small meeting room", "group-room")
        .Booking("sam@example.com", "Small meeting room", Now.AddHours(2), Now.AddHours(3)));
}
