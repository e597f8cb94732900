using System.Net;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Tests.Nexudus;
using Nexudus.Salto.Tests.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Reliability;

/// <summary>A body larger than <c>MaxResponseBytes</c> fails the call with a clear error instead of exhausting memory.</summary>
public sealed class ResponseSizeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetCoworkersPageAsync_BodyLargerThanTheLimit_FailsSayingSo(bool announced)
    {
        using var harness = NexudusHarness.WithToken(o => o.MaxResponseBytes = 4096);
        harness.Http.When(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers").Respond(_ => Large(announced));

        var (error, _) = await harness.RunWithClockAsync(() => Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.GetCoworkersPageAsync()));

        Assert.Contains("more than 4096 bytes (MaxResponseBytes)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetSiteUsersAsync_BodyLargerThanTheLimit_FailsSayingSo(bool announced)
    {
        using var host = new SaltoKsTestHost(o => o.MaxResponseBytes = 4096);
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/*").Respond(_ => Large(announced));

        var error = await Assert.ThrowsAsync<SaltoKsApiException>(() => host.AdvanceUntilDoneAsync(host.Client.GetSiteAsync("s1")));

        Assert.Contains("more than 4096 bytes (MaxResponseBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCoworkersPageAsync_BodyWithinTheLimit_IsRead()
    {
        using var harness = NexudusHarness.WithToken(o => o.MaxResponseBytes = 4096);
        harness.Http.When(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers")
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(1, 2), 1, hasNext: false));

        var page = await harness.Client.GetCoworkersPageAsync();

        Assert.Equal(2, page.Records.Count);
    }

    private static HttpResponseMessage Large(bool announced)
    {
        var body = "{\"Records\":[" + string.Join(",", Enumerable.Range(1, 2000).Select(i => $"{{\"Id\":{i}}}")) + "]}";
        HttpContent content = announced
            ? new StringContent(body, System.Text.Encoding.UTF8, "application/json")
            : new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (!announced)
        {
            content.Headers.ContentLength = null;
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
