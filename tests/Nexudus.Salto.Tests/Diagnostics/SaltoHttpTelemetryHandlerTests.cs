using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Tests.Nexudus;
using Nexudus.Salto.Tests.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Diagnostics;

public sealed class SaltoHttpTelemetryHandlerTests
{
    private const string Coworker = NexudusHarness.BaseUrl + "api/spaces/coworkers/1";

    private static MetricCollector<long> Collect(IServiceProvider services, string instrument) =>
        new(services.GetRequiredService<IMeterFactory>(), SaltoIntegrationTelemetry.MeterName, instrument);

    private static NexudusHarness NexudusWithMetrics()
    {
        var harness = NexudusHarness.Create(services: s => s.AddMetrics());
        harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl)
            .Respond("application/json", NexudusHarness.TokenJson(NexudusHarness.AccessToken, NexudusHarness.RefreshToken, 3600));
        return harness;
    }

    [Fact]
    public async Task NexudusCall_Answered409_CountsTheCallAndOneThrottle()
    {
        using var harness = NexudusWithMetrics();
        using var calls = Collect(harness.Services, "nexudus_salto.http.calls");
        using var throttles = Collect(harness.Services, "nexudus_salto.http.throttles");
        harness.Http.When(HttpMethod.Get, Coworker)
            .Respond(_ => NexudusHarness.Json(HttpStatusCode.Conflict, "{}", TimeSpan.FromMinutes(5)));

        await Assert.ThrowsAsync<NexudusThrottledException>(() => harness.Client.GetCoworkerAsync(1));

        var get = Assert.Single(calls.GetMeasurementSnapshot(), m => (string?)m.Tags["http.request.method"] == "GET");
        Assert.Equal(1, get.Value);
        Assert.Equal("nexudus", get.Tags["service"]);
        Assert.Equal(409, get.Tags["http.response.status_code"]);
        var throttle = Assert.Single(throttles.GetMeasurementSnapshot());
        Assert.Equal("nexudus", throttle.Tags["service"]);
    }

    [Fact]
    public async Task NexudusCall_TokenAndRead_CountsEachAttemptWithItsStatus()
    {
        using var harness = NexudusWithMetrics();
        using var calls = Collect(harness.Services, "nexudus_salto.http.calls");
        using var throttles = Collect(harness.Services, "nexudus_salto.http.throttles");
        harness.Http.When(HttpMethod.Get, Coworker).Respond(_ => NexudusHarness.Json(HttpStatusCode.OK, """{"Id":1}"""));

        await harness.Client.GetCoworkerAsync(1);

        Assert.Equal(
            ["POST 200", "GET 200"],
            calls.GetMeasurementSnapshot().Select(m => $"{m.Tags["http.request.method"]} {m.Tags["http.response.status_code"]}"));
        Assert.Empty(throttles.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task SaltoKsCall_Answered429ThenOk_CountsBothAttemptsAndOneThrottle()
    {
        using var host = new SaltoKsTestHost(services: s => s.AddMetrics());
        using var calls = Collect(host.Services, "nexudus_salto.http.calls");
        using var throttles = Collect(host.Services, "nexudus_salto.http.throttles");
        host.AcceptTokenRequests();
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.TooManyRequests]);
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1")
            .Respond(_ => answers.Count > 0
                ? new HttpResponseMessage(answers.Dequeue()) { Headers = { RetryAfter = new(TimeSpan.Zero) } }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"s1"}""", System.Text.Encoding.UTF8, "application/json") });

        await host.Client.GetSiteAsync("s1");

        Assert.Equal(
            ["POST 200", "GET 429", "GET 200"],
            calls.GetMeasurementSnapshot().Select(m => $"{m.Tags["http.request.method"]} {m.Tags["http.response.status_code"]}"));
        Assert.All(calls.GetMeasurementSnapshot(), m => Assert.Equal("saltoks", m.Tags["service"]));
        Assert.Equal("saltoks", Assert.Single(throttles.GetMeasurementSnapshot()).Tags["service"]);
    }

    [Fact]
    public async Task SaltoKsCall_Answered409_IsNotAThrottle()
    {
        using var host = new SaltoKsTestHost(services: s => s.AddMetrics());
        using var throttles = Collect(host.Services, "nexudus_salto.http.throttles");
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond(HttpStatusCode.Conflict);

        await Assert.ThrowsAnyAsync<SaltoKsApiException>(() => host.Client.GetSiteAsync("s1"));

        Assert.Empty(throttles.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Call_WithListener_RecordsAClientSpanWithoutTheQuery()
    {
        var spans = new System.Collections.Concurrent.ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SaltoIntegrationTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var host = new SaltoKsTestHost(services: s => s.AddMetrics());
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/span-probe").Respond("application/json", """{"id":"span-probe"}""");

        await host.Client.GetSiteAsync("span-probe");

        // The listener hears every test running in parallel; this site id is used here only.
        var span = Assert.Single(spans, s => s.DisplayName == "saltoks GET" && (string?)s.GetTagItem("url.path") == "/v1.2/sites/span-probe");
        Assert.Equal(ActivityKind.Client, span.Kind);
                Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(span.Tags, t => t.Value?.Contains(SaltoKsTestHost.AccessToken, StringComparison.Ordinal) == true);
    }
}
