using System.Net;
using RichardSzalay.MockHttp;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Tests.Nexudus;
using Nexudus.Salto.Tests.SaltoKs;

namespace Nexudus.Salto.Tests.Reliability;

/// <summary>A body sent one byte at a time never holds a call past its bound: the timeout covers the body, not only the headers.</summary>
public sealed class SlowBodyTests
{
    [Fact]
    public async Task GetCoworkersPageAsync_BodyTricklesForever_FailsAtTotalTimeout()
    {
        using var harness = NexudusHarness.WithToken(o => o.TotalTimeout = TimeSpan.FromSeconds(40));
        harness.Http.When(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers").Respond(_ => Trickle());

        var (error, elapsed) = await harness.RunWithClockAsync(
            () => Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.GetCoworkersPageAsync()), TimeSpan.FromSeconds(1));

        Assert.Contains("did not complete within 40 s", error.Message, StringComparison.Ordinal);
        // The fake clock runs on in 1 s steps while the failing call unwinds, so on a loaded machine it overshoots a
        // little; without the bound the call would run until the harness gives up (100,000 steps).
        Assert.InRange(elapsed, TimeSpan.FromSeconds(39), TimeSpan.FromSeconds(70));
    }

    [Fact]
    public async Task GetSiteAsync_BodyTricklesForever_FailsAtTotalRequestTimeout()
    {
        using var host = new SaltoKsTestHost(o => o.TotalRequestTimeout = TimeSpan.FromSeconds(40));
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond(_ => Trickle());

        var start = host.Time.GetUtcNow();
        var error = await Assert.ThrowsAsync<SaltoKsApiException>(() => host.AdvanceUntilDoneAsync(host.Client.GetSiteAsync("s1")));

        Assert.Contains("did not complete within 40 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(host.Time.GetUtcNow() - start, TimeSpan.FromSeconds(39), TimeSpan.FromSeconds(45));
    }

    private static HttpResponseMessage Trickle()
    {
        var content = new StreamContent(new TrickleStream());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>Sends <c>{</c>, then nothing ever again (until cancelled): a server sending one byte a second, slowed further.</summary>
    private sealed class TrickleStream : Stream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Reads are asynchronous.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sent)
            {
                _sent = true;
                buffer.Span[0] = (byte)'{';
                return 1;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
