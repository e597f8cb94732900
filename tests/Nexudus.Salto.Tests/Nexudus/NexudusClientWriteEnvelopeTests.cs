using Nexudus.Salto.Nexudus;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Nexudus;

/// <summary>Every write reads the write envelope: HTTP 200 with <c>WasSuccessful: false</c> is a failure, with its message.</summary>
public sealed class NexudusClientWriteEnvelopeTests
{
    private const string Base = NexudusHarness.BaseUrl;
    private const string Refusal = """{"Status":200,"Message":"You must delete all booking visitors using this record before you can delete it.","Value":null,"WasSuccessful":false,"Errors":null}""";

    public static TheoryData<string> Writes => ["create check-in", "close check-in", "create webhook", "delete webhook"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_Http200WithWasSuccessfulFalse_ThrowsValidationExceptionWithTheEnvelopesMessage(string write)
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, Base + "api/spaces/checkins/1419000042")
            .Respond("application/json", """{"Id":1419000042,"BusinessId":1414000001,"CoworkerId":1415604543,"FromTime":"2025-01-15T09:00:00Z","ToTime":null}""");
        var (method, path) = write switch
        {
            "create check-in" => (HttpMethod.Post, "api/spaces/checkins"),
            "close check-in" => (HttpMethod.Put, "api/spaces/checkins"),
            "create webhook" => (HttpMethod.Post, "api/sys/webhooks"),
            _ => (HttpMethod.Delete, "api/sys/webhooks/1499999999"),
        };
        harness.Http.Expect(method, Base + path).Respond("application/json", Refusal);
        Func<Task> call = write switch
        {
            "create check-in" => () => harness.Client.CreateCheckInAsync(new CheckIn { BusinessId = 1414000001, CoworkerId = 1415604543, FromTime = harness.Time.GetUtcNow() }),
            "close check-in" => () => harness.Client.CloseCheckInAsync(1419000042, harness.Time.GetUtcNow()),
            "create webhook" => () => harness.Client.CreateWebhookAsync(new Webhook { BusinessId = 1414000001, Name = "Hook", Action = WebhookAction.CoworkerCheckin, Url = "https://example.com/hook" }),
            _ => () => harness.Client.DeleteWebhookAsync(1499999999),
        };

        var error = await Assert.ThrowsAsync<NexudusValidationException>(call);

        harness.Http.VerifyNoOutstandingExpectation();
        Assert.Equal(200, error.Status);
        Assert.Contains("WasSuccessful: false", error.Message, StringComparison.Ordinal);
        Assert.Contains("You must delete all booking visitors using this record", error.Message, StringComparison.Ordinal);
    }
}
