using Nexudus.Salto.Diagnostics;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Sync;

public sealed class ServiceCallCounterTests
{
    private static HttpClient Client(CountedService service, bool tokenClient, MockHttpMessageHandler http) =>
        new(new ServiceCallCountingHandler(service, tokenClient) { InnerHandler = http });

    [Fact]
    public async Task Handler_InACountedFlow_CountsReadsAndWritesPerService()
    {
        using var http = new MockHttpMessageHandler();
        http.When("*").Respond("application/json", "{}");
        using var nexudus = Client(CountedService.Nexudus, false, http);
        using var salto = Client(CountedService.SaltoKs, false, http);
        var tally = ServiceCallCounter.Begin();
        try
        {
            await nexudus.GetAsync(new Uri("https://n.test/a"));
            await nexudus.GetAsync(new Uri("https://n.test/b"));
            await salto.PatchAsync(new Uri("https://s.test/c"), null);
        }
        finally
        {
            ServiceCallCounter.End();
        }

        Assert.Equal((2, 0, 0, 1), (tally.NexudusReads, tally.NexudusWrites, tally.SaltoReads, tally.SaltoWrites));
    }

    [Fact]
    public async Task Handler_TokenClientPost_CountsAsARead()
    {
        using var http = new MockHttpMessageHandler();
        http.When("*").Respond("application/json", "{}");
        using var identity = Client(CountedService.SaltoKs, true, http);
        var tally = ServiceCallCounter.Begin();
        try
        {
            await identity.PostAsync(new Uri("https://id.test/connect/token"), null);
        }
        finally
        {
            ServiceCallCounter.End();
        }

        Assert.Equal((1, 0), (tally.SaltoReads, tally.SaltoWrites));
    }

    [Fact]
    public async Task Handler_OutsideACountedFlow_CountsNothing()
    {
        using var http = new MockHttpMessageHandler();
        http.When("*").Respond("application/json", "{}");
        using var client = Client(CountedService.Nexudus, false, http);
        var tally = ServiceCallCounter.Begin();
        ServiceCallCounter.End();

        await client.GetAsync(new Uri("https://n.test/a"));

        Assert.Equal(0, tally.NexudusReads);
    }
}
