using System.Net;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>
/// The split over a simulated SALTO KS that applies each call all or nothing: rejects a call over its size limit
/// (413) and a call naming an unknown user (404 2202), whatever the ids, limit and configured size.
/// </summary>
public sealed class SaltoKsMembershipSplitProperties
{
    [Property(MaxTest = 200)]
    public Property ChangeAccessGroupMembersAsync_AnyLimitAndAtMostOneUnknownId_EveryOtherIdIsAcceptedExactlyOnce() =>
        Prop.ForAll(
            Gen.Choose(1, 60).ToArbitrary(),
            Gen.Choose(1, 70).Zip(Gen.Choose(1, 80)).ToArbitrary(),
            Gen.Choose(-1, 59).ToArbitrary(),
            (count, sizes, unknownIndex) =>
            {
                (int limit, int configured) = sizes;
                string[] ids = [.. Enumerable.Range(1, count).Select(i => $"pu-{i}")];
                HashSet<string> unknown = unknownIndex >= 0 && unknownIndex < count ? [ids[unknownIndex]] : [];
                var service = new AllOrNothingService(limit, unknown);

                AccessGroupMembersChangeResult result = Run(service, configured, ids);

                return result.AddedIds.Select(i => i.Value).Order().SequenceEqual(ids.Except(unknown).Order()) &&
                       result.FailedAddIds.Select(i => i.Value).Order().SequenceEqual(unknown.Order()) &&
                       service.Accepted.Order().SequenceEqual(ids.Except(unknown).Order());
            });

    [Property(MaxTest = 200)]
    public Property ChangeAccessGroupMembersAsync_AnyUnknownIds_NoUnknownIdIsReportedAcceptedAndEveryIdIsReportedOnce() =>
        Prop.ForAll(
            Gen.Choose(1, 40).ToArbitrary(),
            Gen.Choose(1, 50).ToArbitrary(),
            Gen.ListOf(Gen.Choose(1, 40)).ToArbitrary(),
            (count, limit, unknownNumbers) =>
            {
                string[] ids = [.. Enumerable.Range(1, count).Select(i => $"pu-{i}")];
                HashSet<string> unknown = [.. unknownNumbers.Where(n => n <= count).Select(n => $"pu-{n}")];
                var service = new AllOrNothingService(limit, unknown);

                AccessGroupMembersChangeResult result = Run(service, 1000, ids);

                string[] reported = [.. result.Chunks.SelectMany(c => c.AddIds).Select(i => i.Value)];
                return !result.AddedIds.Any(i => unknown.Contains(i.Value!)) &&
                       reported.Order().SequenceEqual(ids.Order()) &&
                       service.Accepted.Order().SequenceEqual(result.AddedIds.Select(i => i.Value).Order());
            });

    private static AccessGroupMembersChangeResult Run(AllOrNothingService service, int configured, string[] ids)
    {
        using var http = new HttpClient(service);
        var client = new SaltoKsClient(http, new SaltoKsClientOptions { BaseUrl = new Uri("https://connect.test"), MembershipChunkSize = configured });
        return client.ChangeAccessGroupMembersAsync("s1", "g1", new AccessGroupUsersChange { AddIds = [.. ids.Select(i => new PlatformUserId(i))] })
            .GetAwaiter().GetResult();
    }

    private sealed class AllOrNothingService(int limit, IReadOnlySet<string> unknown) : HttpMessageHandler
    {
        public List<string> Accepted { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using JsonDocument body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            string[] adds = [.. body.RootElement.GetProperty("add_ids").EnumerateArray().Select(e => e.GetString()!)];
            if (adds.Length > limit)
            {
                return new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge);
            }

            if (adds.Any(unknown.Contains))
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound)
                {
                    Content = new StringContent("""{"ErrorCode":"2202","Message":"User not found"}""", Encoding.UTF8, "application/json"),
                };
            }

            Accepted.AddRange(adds);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
