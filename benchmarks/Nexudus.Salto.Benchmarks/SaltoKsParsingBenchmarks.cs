using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Benchmarks;

/// <summary>
/// Reading SALTO KS pages: a 500-entry entries page and a 1,000-member access-group listing, parsed directly and
/// through the client (request building, bearer handler, status check, parsing) over an in-memory handler.
/// </summary>
[MemoryDiagnoser]
public class SaltoKsParsingBenchmarks
{
    private byte[] _entriesPage = [];
    private byte[] _membersPage = [];
    private HttpClient _http = null!;
    private SaltoKsClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _entriesPage = EntriesPage(500);
        _membersPage = MembersPage(1000);
        _http = new HttpClient(new CannedResponses(_entriesPage, _membersPage));
        _client = new SaltoKsClient(_http, new SaltoKsClientOptions { BaseUrl = new Uri("https://connect.bench") });
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark]
    public int ParseEntriesPage500() =>
        JsonSerializer.Deserialize(_entriesPage, SaltoKsJsonContext.Default.SaltoKsContinuationPageEntry)!.Items.Count;

    [Benchmark]
    public int ParseGroupMembers1000() =>
        SaltoKsList.Read(_membersPage, SaltoKsJsonContext.Default.AccessGroupMember).Items.Count;

    [Benchmark]
    public async Task<int> ClientEntriesPage500() =>
        (await _client.GetEntriesPageAsync("site-1", new SaltoKsEntryQuery { PageSize = 500 })).Items.Count;

    [Benchmark]
    public async Task<int> ClientGroupMembers1000()
    {
        int count = 0;
        await foreach (AccessGroupMember member in _client.GetAccessGroupMembersAsync("site-1", "group-1"))
        {
            count += member.PlatformUserId is null ? 0 : 1;
        }

        return count;
    }

    private static byte[] EntriesPage(int count)
    {
        var json = new StringBuilder("{\"items\":[");
        var start = new DateTimeOffset(2025, 3, 4, 7, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < count; i++)
        {
            DateTimeOffset at = start.AddSeconds(i * 17);
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""
                {"id":"{{Guid.NewGuid()}}","event_category":"{{(i % 9 == 0 ? "lock_rejected" : "lock_opened")}}","event_detail":"{{(i % 9 == 0 ? "no_access" : "tag")}}",
                 "utc_date_time":"{{at:yyyy-MM-ddTHH:mm:ss.fffZ}}","local_date_time":"{{at.AddHours(1):yyyy-MM-ddTHH:mm:ss.fff}}",
                 "lock_id":"{{Guid.NewGuid()}}","lock_customer_reference":"Door {{i % 12}}","access_by":"tag","access_detail":"",
                 "user_id":"{{Guid.NewGuid()}}","user_first_name":"First{{i}}","user_last_name":"Last{{i}}","user_alias":"alias{{i}}"}
                """);
        }

        return Encoding.UTF8.GetBytes(json.Append("],\"continuation_token\":\"{\\\"token\\\":\\\"+RID:~abc==#RT:2\\\"}\"}").ToString());
    }

    private static byte[] MembersPage(int count)
    {
        var json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""
                {"id":"{{Guid.NewGuid()}}","first_name":"First{{i}}","last_name":"Last{{i}}","email":"member{{i}}@example.com"}
                """);
        }

        return Encoding.UTF8.GetBytes(json.Append("],\"next_page_link\":null,\"count\":").Append(count).Append('}').ToString());
    }

    // Stands in for the network and the bearer handler: answers each route with its canned page.
    private sealed class CannedResponses(byte[] entries, byte[] members) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "benchmark");
            byte[] body = request.RequestUri!.AbsolutePath.EndsWith("/entries", StringComparison.Ordinal) ? entries : members;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request });
        }
    }
}
