using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>A started sandbox on a fake clock, with a plain HttpClient that can log in.</summary>
internal sealed class SaltoKsTestHost : IAsyncDisposable
{
    public const string SiteId = "7c0f2c1e-0000-4000-8000-000000000001";
    public const string SiteUid = "DE4520168385";
    public const string RoleId = "8f6081a3-80fb-11e8-a892-000d3a221c5b";
    public const string FrontDoor = "3f1c0000-0000-4000-8000-00000000f001";
    public const string MeetingRoom = "3f1c0000-0000-4000-8000-00000000f002";
    public const string Members = "9a1e0000-0000-4000-8000-00000000a001";
    public const string Tag101 = "7a900000-0000-4000-8000-0000000007a1";

    public static readonly SiteUserId AnnSiteUser = new("5d1b0000-0000-4000-8000-00000000a5a1");
    public static readonly PlatformUserId AnnUser = new("a7e30000-0000-4000-8000-00000000a5a1");
    public static readonly SiteUserId BobSiteUser = new("5d1b0000-0000-4000-8000-00000000b0b1");
    public static readonly PlatformUserId BobUser = new("a7e30000-0000-4000-8000-00000000b0b1");

    public static readonly DateTimeOffset Start = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private SaltoKsTestHost(SaltoKsSandbox sandbox, FakeTimeProvider time)
    {
        Sandbox = sandbox;
        Time = time;
        Http = new HttpClient { BaseAddress = sandbox.BaseUrl };
    }

    public SaltoKsSandbox Sandbox { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    /// <summary>A site with a role, two users, two locks, a group holding the front door and Ann, and a tag.</summary>
    public static SaltoKsSeedBuilder Standard(SaltoKsSeedBuilder b) => b
        .Site(SiteId, "Central", siteUid: SiteUid, timeZone: "Europe/Madrid")
        .Role(RoleId, "site_user")
        .User(AnnSiteUser, AnnUser, email: "ann@example.com", firstName: "Ann", lastName: "Lee")
        .User(BobSiteUser, BobUser, email: "bob@example.com", firstName: "Bob", lastName: "Ray")
        .Lock(FrontDoor, "Front door")
        .Lock(MeetingRoom, "Meeting room #101")
        .AccessGroup(Members, "Members")
        .GroupLock(Members, FrontDoor)
        .Member(Members, AnnUser)
        .Tag(Tag101, "0012345", "Fob 101");

    public static async Task<SaltoKsTestHost> StartAsync(Action<SaltoKsSandboxOptions>? configure = null, Action<SaltoKsSeedBuilder>? seed = null, bool logIn = true)
    {
        var time = new FakeTimeProvider(Start);
        var options = new SaltoKsSandboxOptions { TimeProvider = time };
        configure?.Invoke(options);
        SaltoKsSandbox sandbox = await SaltoKsSandbox.StartAsync(options);
        sandbox.Seed(seed ?? (b => Standard(b)));
        var host = new SaltoKsTestHost(sandbox, time);
        if (logIn)
        {
            string token = (await host.RequestTokenAsync()).RootElement.GetProperty("access_token").GetString()!;
            host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return host;
    }

    /// <summary>A password grant with HTTP Basic client authentication, as SALTO documents it.</summary>
    public async Task<JsonDocument> RequestTokenAsync(string scope = "user_api.full_access")
    {
        HttpResponseMessage response = await PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["scope"] = scope,
            ["username"] = Sandbox.Username,
            ["password"] = Sandbox.Password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> PostTokenAsync(Dictionary<string, string> form, string? clientId = null, string? clientSecret = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Sandbox.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId ?? Sandbox.ClientId}:{clientSecret ?? Sandbox.ClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var plain = new HttpClient();
        return await plain.SendAsync(request);
    }

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? json = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        using HttpResponseMessage response = await Http.SendAsync(request);
        return new Reply(response.StatusCode, response.Headers, await response.Content.ReadAsStringAsync());
    }

    public Task<Reply> GetAsync(string path, Action<HttpRequestMessage>? configure = null) => SendAsync(HttpMethod.Get, path, null, configure);

    public Task<Reply> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<Reply> PatchAsync(string path, string json) => SendAsync(HttpMethod.Patch, path, json);

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }

    internal sealed record Reply(HttpStatusCode Status, HttpResponseHeaders Headers, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string? Code => Json.GetProperty("ErrorCode").GetString();

        public IReadOnlyList<JsonElement> Items => [.. Json.GetProperty("items").EnumerateArray()];
    }
}
