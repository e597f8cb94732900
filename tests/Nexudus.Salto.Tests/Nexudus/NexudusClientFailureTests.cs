using System.Net;
using System.Net.Sockets;
using Nexudus.Salto.Nexudus;
using Polly.Timeout;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Nexudus;

public sealed class NexudusClientFailureTests
{
    private const string Coworker = NexudusHarness.BaseUrl + "api/spaces/coworkers/1";
    private const string CheckIns = NexudusHarness.BaseUrl + "api/spaces/checkins";
    private static readonly CheckIn OpenCheckIn = new()
    {
        BusinessId = 1414000001,
        CoworkerId = 1415604543,
        FromTime = new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task GetCoworkerAsync_404_ThrowsNotFoundNamingTheEndpoint()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, Coworker).Respond(HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAsync<NexudusNotFoundException>(() => harness.Client.GetCoworkerAsync(1));

        Assert.Equal(404, error.Status);
        Assert.Equal("GET api/spaces/coworkers/{id}", error.Endpoint);
    }

    [Fact]
    public async Task GetCoworkerAsync_409WithRetryAfter_WaitsThatLongThenRetries()
    {
        using var harness = NexudusHarness.WithToken();
        var calls = harness.Http.When(HttpMethod.Get, Coworker);
        var answers = new Queue<HttpResponseMessage>(
        [
            NexudusHarness.Json(HttpStatusCode.Conflict, """{"Message":"You must wait before accessing this url again."}""", TimeSpan.FromSeconds(2)),
            NexudusHarness.Json(HttpStatusCode.OK, """{"Id":1}"""),
        ]);
        calls.Respond(_ => answers.Dequeue());

        var task = harness.Client.GetCoworkerAsync(1);
        await WaitForAsync(() => harness.Http.GetMatchCount(calls) == 1);

        // Move the clock only once the Retry-After delay is scheduled; earlier, the delay would
        // start after the advance and the test would wait for it forever.
        await WaitForAsync(() => harness.Time.DueTimes.Contains(TimeSpan.FromSeconds(2)));
        harness.Time.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Delay(20);
        var beforeRetryAfter = harness.Http.GetMatchCount(calls);
        harness.Time.Advance(TimeSpan.FromSeconds(0.2));
        var coworker = await task;

        Assert.Equal(1, beforeRetryAfter);
        Assert.Equal(2, harness.Http.GetMatchCount(calls));
        Assert.Equal(1L, coworker.Id);
    }

    [Fact]
    public async Task GetCoworkerAsync_409AskingForLongerThanMaxRetryAfter_ThrowsThrottledAtOnce()
    {
        using var harness = NexudusHarness.WithToken();
        var calls = harness.Http.When(HttpMethod.Get, Coworker)
            .Respond(_ => NexudusHarness.Json(HttpStatusCode.Conflict, """{"Message":"You must wait before accessing this url again."}""", TimeSpan.FromMinutes(5)));

        var error = await Assert.ThrowsAsync<NexudusThrottledException>(() => harness.Client.GetCoworkerAsync(1));

        Assert.Equal(409, error.Status);
        Assert.Equal(TimeSpan.FromMinutes(5), error.RetryAfter);
        Assert.Equal(1, harness.Http.GetMatchCount(calls));
    }

    [Fact]
    public async Task GetCoworkerAsync_StillThrottledAfterAllRetries_ThrowsThrottled()
    {
        using var harness = NexudusHarness.WithToken(o => o.MaxRetryAttempts = 2);
        var calls = harness.Http.When(HttpMethod.Get, Coworker)
            .Respond(_ => NexudusHarness.Json(HttpStatusCode.Conflict, "{}", TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<NexudusThrottledException>(() => harness.RunWithClockAsync(() => harness.Client.GetCoworkerAsync(1)));

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal(3, harness.Http.GetMatchCount(calls));
    }

    [Fact]
    public async Task GetCoworkerAsync_ServerErrorsThenSuccess_RetriesTheRead()
    {
        using var harness = NexudusHarness.WithToken();
        var calls = harness.Http.When(HttpMethod.Get, Coworker);
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.RequestTimeout]);
        calls.Respond(_ => answers.Count > 0 ? new HttpResponseMessage(answers.Dequeue()) : NexudusHarness.Json(HttpStatusCode.OK, """{"Id":1}"""));

        var (coworker, _) = await harness.RunWithClockAsync(() => harness.Client.GetCoworkerAsync(1));

        Assert.Equal(1L, coworker.Id);
        Assert.Equal(4, harness.Http.GetMatchCount(calls));
    }

    [Fact]
    public async Task CreateCheckInAsync_ServerError_IsNotRetried()
    {
        using var harness = NexudusHarness.WithToken();
        var calls = harness.Http.When(HttpMethod.Post, CheckIns).Respond(HttpStatusCode.BadGateway);

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.CreateCheckInAsync(OpenCheckIn));

        Assert.Equal(502, error.Status);
        Assert.Equal(1, harness.Http.GetMatchCount(calls));
    }

    [Fact]
    public async Task CreateCheckInAsync_Throttled409_IsRetriedBecauseNothingWasProcessed()
    {
        using var harness = NexudusHarness.WithToken();
        var calls = harness.Http.When(HttpMethod.Post, CheckIns);
        var answers = new Queue<HttpResponseMessage>(
        [
            NexudusHarness.Json(HttpStatusCode.Conflict, "{}", TimeSpan.FromSeconds(1)),
            NexudusHarness.Json(HttpStatusCode.OK, NexudusHarness.WriteResult(77)),
        ]);
        calls.Respond(_ => answers.Dequeue());

        var (id, _) = await harness.RunWithClockAsync(() => harness.Client.CreateCheckInAsync(OpenCheckIn));

        Assert.Equal(77L, id);
        Assert.Equal(2, harness.Http.GetMatchCount(calls));
    }

    [Fact]
    public async Task CreateCheckInAsync_ConnectionRefused_IsRetried()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Post, CheckIns)
            .Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        harness.Http.Expect(HttpMethod.Post, CheckIns).Respond("application/json", NexudusHarness.WriteResult(78));

        var (id, _) = await harness.RunWithClockAsync(() => harness.Client.CreateCheckInAsync(OpenCheckIn));

        Assert.Equal(78L, id);
        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateCheckInAsync_ConnectionDroppedAfterSending_IsNotRetried()
    {
        using var harness = NexudusHarness.WithToken();
        var calls = harness.Http.When(HttpMethod.Post, CheckIns)
            .Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.CreateCheckInAsync(OpenCheckIn));

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(1, harness.Http.GetMatchCount(calls));
    }

    [Fact]
    public async Task CreateCheckInAsync_AttemptTimesOut_IsNotRetried()
    {
        using var harness = NexudusHarness.WithToken(o => o.AttemptTimeout = TimeSpan.FromSeconds(5));
        var calls = harness.Http.When(HttpMethod.Post, CheckIns).Respond(new StallingHandler());

        var error = await Assert.ThrowsAsync<NexudusApiException>(() =>
            harness.RunWithClockAsync(() => harness.Client.CreateCheckInAsync(OpenCheckIn), TimeSpan.FromSeconds(1)));

        Assert.IsType<TimeoutRejectedException>(error.InnerException);
        Assert.Contains("timed out", error.Message);
        Assert.Equal(1, harness.Http.GetMatchCount(calls));
    }

    [Fact]
    public async Task GetCoworkerAsync_AttemptTimesOut_IsRetried()
    {
        using var harness = NexudusHarness.WithToken(o => o.AttemptTimeout = TimeSpan.FromSeconds(5));
        harness.Http.Expect(HttpMethod.Get, Coworker).Respond(new StallingHandler());
        harness.Http.Expect(HttpMethod.Get, Coworker).Respond("application/json", """{"Id":1}""");

        var (coworker, _) = await harness.RunWithClockAsync(() => harness.Client.GetCoworkerAsync(1), TimeSpan.FromSeconds(1));

        Assert.Equal(1L, coworker.Id);
        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetCoworkerAsync_RepeatedServerErrors_OpenTheCircuit()
    {
        using var harness = NexudusHarness.WithToken(o => o.MaxRetryAttempts = 0);
        var calls = harness.Http.When(HttpMethod.Get, Coworker).Respond(HttpStatusCode.InternalServerError);
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.GetCoworkerAsync(1));
        }

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.GetCoworkerAsync(1));

        Assert.Contains("circuit breaker", error.Message);
        Assert.Equal(10, harness.Http.GetMatchCount(calls));
    }

    [Fact]
    public async Task GetCoworkerAsync_MalformedValue_NamesEndpointAndJsonPath()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, Coworker).Respond("application/json", """{"Id":1,"Active":"maybe"}""");

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.GetCoworkerAsync(1));

        Assert.Contains("GET api/spaces/coworkers/{id}", error.Message);
        Assert.Contains("$.Active", error.Message);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task ListCoworkersAsync_TruncatedPage_NamesTheJsonPathWhereItBroke()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers")
            .Respond("application/json", """{"Records":[{"Id":1},{"Id":2,"FullName":"Sam Exa""");

        var error = await Assert.ThrowsAsync<NexudusApiException>(async () => await harness.Client.ListCoworkersAsync().ToListAsync());

        Assert.Contains("GET api/spaces/coworkers", error.Message);
        Assert.Contains("$.Records[1]", error.Message);
    }

    [Fact]
    public async Task GetCoworkerAsync_HtmlErrorPage_NeverShowsTheHtml()
    {
        using var harness = NexudusHarness.WithToken(o => o.MaxRetryAttempts = 0);
        harness.Http.When(HttpMethod.Get, Coworker)
            .Respond(HttpStatusCode.InternalServerError, "text/html", "<!DOCTYPE html><html><body><h1>Server Error</h1><script>x()</script></body></html>");

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.GetCoworkerAsync(1));

        Assert.Equal(500, error.Status);
        Assert.Contains("HTML", error.Message);
        Assert.DoesNotContain("<", error.Message);
        Assert.DoesNotContain("<", error.BodyExcerpt);
    }

    [Fact]
    public async Task GetCoworkerAsync_HtmlWithStatus200_ThrowsInsteadOfParsing()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, Coworker).Respond(HttpStatusCode.OK, "text/html", "<html><body>Sign in</body></html>");

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.GetCoworkerAsync(1));

        Assert.Contains("text/html instead of JSON", error.Message);
        Assert.Null(error.BodyExcerpt);
    }

    [Fact]
    public async Task CreateCheckInAsync_WasSuccessfulFalseWithStatus200_ThrowsValidation()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Post, CheckIns).Respond(
            "application/json",
            """{"Status":200,"Message":"The customer does not have a valid pass.","Value":null,"WasSuccessful":false,"Errors":null}""");

        var error = await Assert.ThrowsAsync<NexudusValidationException>(() => harness.Client.CreateCheckInAsync(OpenCheckIn));

        Assert.Equal(200, error.Status);
        Assert.Contains("The customer does not have a valid pass.", error.Message);
    }

    [Fact]
    public async Task CreateWebhookAsync_400WithErrors_CarriesEveryPropertyError()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Post, NexudusHarness.BaseUrl + "api/sys/webhooks").Respond(
            HttpStatusCode.BadRequest,
            "application/json",
            """
            {"Status":400,"Message":"BusinessId: required","Value":null,"WasSuccessful":false,
             "Errors":[{"AttemptedValue":null,"Message":"BusinessId is required","PropertyName":"BusinessId"},
                       {"AttemptedValue":"ftp://x","Message":"URL must be http or https","PropertyName":"URL"}]}
            """);

        var error = await Assert.ThrowsAsync<NexudusValidationException>(() => harness.Client.CreateWebhookAsync(new Webhook { Name = "x" }));

        Assert.Equal(400, error.Status);
        Assert.Equal(["BusinessId", "URL"], error.Errors.Select(e => e.PropertyName));
        Assert.Equal(["BusinessId is required", "URL must be http or https"], error.Errors.Select(e => e.Message));
        Assert.Contains("BusinessId: BusinessId is required; URL: URL must be http or https", error.Message);
    }

    [Fact]
    public async Task Errors_BodyWithSecretFields_AreRedactedInMessageExcerptAndErrors()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Post, CheckIns).Respond(
            HttpStatusCode.BadRequest,
            "application/json",
            """
            {"Status":400,"Message":"AccessPincode: '4321' is too short","WasSuccessful":false,
             "Errors":[{"AttemptedValue":"4321","Message":"'4321' is too short","PropertyName":"AccessPincode"}],
             "Echo":{"Password":"hunter22","AccessCardId":"99887766","access_token":"access-token-1","Email":"sam@example.com"}}
            """);

        var error = await Assert.ThrowsAsync<NexudusValidationException>(() => harness.Client.CreateCheckInAsync(OpenCheckIn));

        var everything = error + "\n" + error.BodyExcerpt + "\n" + string.Join("\n", error.Errors.Select(e => e.Message + e.AttemptedValue));
        Assert.DoesNotContain("4321", everything);
        Assert.DoesNotContain("hunter22", everything);
        Assert.DoesNotContain("99887766", everything);
        Assert.DoesNotContain("access-token-1", everything);
        Assert.Contains("sam@example.com", error.BodyExcerpt); // only secrets are masked
        Assert.Null(Assert.Single(error.Errors).AttemptedValue);
        Assert.DoesNotContain("4321", harness.AllLogText());
    }

    [Fact]
    public async Task Errors_TruncatedBodyWithSecrets_AreStillRedacted()
    {
        using var harness = NexudusHarness.WithToken(o => o.MaxRetryAttempts = 0);
        harness.Http.When(HttpMethod.Get, Coworker).Respond(
            HttpStatusCode.InternalServerError,
            "application/json",
            """{"Message":"failed for token access-token-1","Coworker":{"AccessPincode":4321,"KeyFobNumber":"FOB-5566","Password":"hunter22""");

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.GetCoworkerAsync(1));

        Assert.DoesNotContain("4321", error.BodyExcerpt);
        Assert.DoesNotContain("FOB-5566", error.BodyExcerpt);
        Assert.DoesNotContain("hunter22", error.BodyExcerpt);
        Assert.DoesNotContain("access-token-1", error.BodyExcerpt);
    }

    [Fact]
    public async Task Errors_ServiceEchoesTheConfiguredPassword_IsMasked()
    {
        using var harness = NexudusHarness.WithToken(o => o.MaxRetryAttempts = 0);
        harness.Http.When(HttpMethod.Get, Coworker).Respond(
            HttpStatusCode.InternalServerError, "text/plain", "login failed for admin@example.com with " + NexudusHarness.Password);

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.GetCoworkerAsync(1));

        Assert.DoesNotContain(NexudusHarness.Password, error.BodyExcerpt);
        Assert.Contains("***", error.BodyExcerpt);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 5_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.True(condition());
    }

    /// <summary>A server that never answers; it only gives up when the request is cancelled.</summary>
    private sealed class StallingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
