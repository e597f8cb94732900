using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.SaltoKs;

/// <summary>
/// The flow the sync engine runs against SALTO KS, spoken in plain HTTP to the sandbox and read
/// with the SDK's models: log in, look a customer up by e-mail, create them, wait out the post-create
/// window, add them to a group in one bulk PATCH, then read the door's entries page by page.
/// </summary>
public sealed class SaltoKsSandboxFlowTests
{
    private const string SiteId = "7c0f2c1e-0000-4000-8000-000000000001";
    private const string GroupId = "9a1e0000-0000-4000-8000-00000000a001";
    private const string LockId = "3f1c0000-0000-4000-8000-00000000f001";

    [Fact]
    public async Task SyncFlow_NewCustomer_EndsAsGroupMemberWhoseEntriesPageThrough()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await using SaltoKsSandbox sandbox = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions
        {
            TimeProvider = time,
            PostCreateConsistencyWindow = TimeSpan.FromMinutes(1),
            EntryIngestionDelay = TimeSpan.FromMinutes(2),
            MaxEntryPageSize = 2,
        });
        sandbox.Seed(b => b.Site(SiteId, "Central", timeZone: "Europe/Madrid").Lock(LockId, "Front door").AccessGroup(GroupId, "Members").GroupLock(GroupId, LockId));
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LogInAsync(sandbox));

        // 1. Look up by e-mail first: SALTO has no idempotency key.
        SaltoKsList<SiteUser> found = await ReadListAsync(http, $"v1.1/sites/{SiteId}/users?$filter=" + Uri.EscapeDataString("user/email eq 'sam@example.com'"), SaltoKsJsonContext.Default.SiteUser);
        Assert.Empty(found.Items);

        // 2. Create: the answer carries both ids, and the invitation goes out.
        using HttpResponseMessage created = await http.PostAsync(
            $"v1.1/sites/{SiteId}/users",
            JsonContent.Create(new SiteUserCreateRequest { FirstName = "Sam", LastName = "Example", Email = "sam@example.com" }, SaltoKsJsonContext.Default.SiteUserCreateRequest));
        SiteUser sam = (await created.Content.ReadFromJsonAsync(SaltoKsJsonContext.Default.SiteUser))!;
        PlatformUserId samUser = sam.User!.Id;
        Assert.Single(sandbox.GetInvitations());

        // 3. Membership right after creation fails as SALTO's eventual consistency makes it; a minute later it works.
        var change = new AccessGroupUsersChange { AddIds = [samUser] };
        using HttpResponseMessage early = await PatchAsync(http, $"v1.1/sites/{SiteId}/access_groups/{GroupId}/users", change);
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        time.Advance(TimeSpan.FromMinutes(1));
        using HttpResponseMessage later = await PatchAsync(http, $"v1.1/sites/{SiteId}/access_groups/{GroupId}/users", change);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal([samUser], sandbox.GetAccessGroupMembers(SiteId, GroupId));

        // 4. Sam opens the door three times; the entries show up after the ingestion delay, two per page.
        for (int i = 0; i < 3; i++)
        {
            sandbox.AddEntry(SiteId, LockId, samUser, at: time.GetUtcNow().AddSeconds(i));
        }

        time.Advance(TimeSpan.FromMinutes(3));
        var entries = new List<Entry>();
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"v1.1/sites/{SiteId}/entries?$orderby=utc_date_time%20asc&$top=2");
            if (token is not null)
            {
                request.Headers.Add("CLP-Continuation-Token", token);
            }

            using HttpResponseMessage response = await http.SendAsync(request);
            SaltoKsContinuationPage<Entry> page = (await response.Content.ReadFromJsonAsync(SaltoKsJsonContext.Default.SaltoKsContinuationPageEntry))!;
            entries.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(samUser, e.UserId));

        // 5. The counters, which a call-cost benchmark reads, count every write, failed attempts included.
        SandboxCounters counters = sandbox.Requests.GetCounters();
        Assert.Equal(3, counters.Writes); // the user, and two PATCH attempts
    }

    private static async Task<string> LogInAsync(SaltoKsSandbox sandbox)
    {
        using var identity = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["scope"] = "user_api.full_access",
                ["username"] = sandbox.Username,
                ["password"] = sandbox.Password,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sandbox.ClientId}:{sandbox.ClientSecret}")));
        using HttpResponseMessage response = await identity.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync(SaltoKsJsonContext.Default.SaltoKsTokenResponse))!.AccessToken;
    }

    private static async Task<SaltoKsList<T>> ReadListAsync<T>(HttpClient http, string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> itemType)
    {
        byte[] body = await http.GetByteArrayAsync(path);
        return SaltoKsList.Read(body, itemType);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient http, string path, AccessGroupUsersChange change) =>
        http.PatchAsync(path, JsonContent.Create(change, SaltoKsJsonContext.Default.AccessGroupUsersChange));
}
