using System.Text;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;
using Nexudus.Salto.Webhooks;

namespace Nexudus.Salto.Tests.Webhooks;

public sealed class NexudusWebhookReceiverTests
{
    private const string Secret = "s3cret-for-tests";
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemorySyncStateStore _inbox = new();

    private NexudusWebhookReceiver Receiver(string? secret = Secret, bool allowUnsigned = false) =>
        new(_inbox, new SaltoWebhookOptions { SharedSecret = secret, AllowUnsigned = allowUnsigned }, new FakeTimeProvider(Now));

    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);

    private static string Sign(byte[] body, string secret = Secret) => new NexudusWebhookVerifier(secret).ComputeSignature(body);

    [Fact]
    public async Task ReceiveAsync_SignedBooking_RecordsItsCustomer()
    {
        var body = Body("""[{"Id":11,"CoworkerId":1414000007,"ResourceId":3}]""");

        var receipt = await Receiver().ReceiveAsync("BookingCreate", body, Sign(body));

        Assert.Equal(WebhookReceiptOutcome.Recorded, receipt.Outcome);
        Assert.Equal(200, receipt.StatusCode);
        var recorded = Assert.Single(await _inbox.ReadWebhookEventsAsync(10));
        Assert.Equal(WebhookAction.BookingCreate, recorded.Action);
        Assert.Equal(11, recorded.RecordId);
        Assert.Equal([1414000007L], recorded.CustomerIds);
        Assert.Empty(recorded.TeamPayerIds);
        Assert.Equal(Now, recorded.ReceivedAt);
    }

    [Fact]
    public async Task ReceiveAsync_InvoicePaid_RecordsItsCustomer()
    {
        // Payment-aware access: paying lifts a suspension, so the customer's run is due at once, not at the next poll.
        var body = Body("""[{"Id":4401,"CoworkerId":1414000009,"BusinessId":1414000001,"Paid":true}]""");

        var receipt = await Receiver().ReceiveAsync("CoworkerInvoicePaid", body, Sign(body));

        Assert.Equal(WebhookReceiptOutcome.Recorded, receipt.Outcome);
        var recorded = Assert.Single(await _inbox.ReadWebhookEventsAsync(10));
        Assert.Equal(WebhookAction.CoworkerInvoicePaid, recorded.Action);
        Assert.Equal(4401, recorded.RecordId);
        Assert.Equal([1414000009L], recorded.CustomerIds);
        Assert.Contains(WebhookAction.CoworkerInvoicePaid, NexudusWebhookRegistrar.Actions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("zz")]
    public async Task ReceiveAsync_MissingOrMalformedSignature_IsUnauthorizedAndRecordsNothing(string? signature)
    {
        var receipt = await Receiver().ReceiveAsync("BookingCreate", Body("""[{"Id":11,"CoworkerId":7}]"""), signature);

        Assert.Equal(WebhookReceiptOutcome.Unauthorized, receipt.Outcome);
        Assert.Equal(401, receipt.StatusCode);
        Assert.Empty(await _inbox.ReadWebhookEventsAsync(10));
    }

    [Fact]
    public async Task ReceiveAsync_SignatureOfAnotherSecret_IsUnauthorized()
    {
        var body = Body("""[{"Id":11,"CoworkerId":7}]""");

        var receipt = await Receiver().ReceiveAsync("BookingCreate", body, Sign(body, "other"));

        Assert.Equal(WebhookReceiptOutcome.Unauthorized, receipt.Outcome);
    }

    [Fact]
    public async Task ReceiveAsync_UnsignedWithoutAllowUnsigned_IsUnauthorizedEvenWithoutASecret()
    {
        var receipt = await Receiver(secret: null).ReceiveAsync("BookingCreate", Body("""[{"Id":11,"CoworkerId":7}]"""), null);

        Assert.Equal(WebhookReceiptOutcome.Unauthorized, receipt.Outcome);
    }

    [Fact]
    public async Task ReceiveAsync_UnsignedWithAllowUnsigned_IsRecorded()
    {
        var receipt = await Receiver(allowUnsigned: true).ReceiveAsync("BookingCreate", Body("""[{"Id":11,"CoworkerId":7}]"""), null);

        Assert.Equal(WebhookReceiptOutcome.Recorded, receipt.Outcome);
    }

    [Fact]
    public async Task ReceiveAsync_WrongSignatureWithAllowUnsigned_IsStillUnauthorized()
    {
        var body = Body("""[{"Id":11,"CoworkerId":7}]""");

        var receipt = await Receiver(allowUnsigned: true).ReceiveAsync("BookingCreate", body, Sign(body, "other"));

        Assert.Equal(WebhookReceiptOutcome.Unauthorized, receipt.Outcome);
    }

    [Fact]
    public async Task ReceiveAsync_SameDeliveryTwice_SecondIsADuplicate()
    {
        var body = Body("""[{"Id":11,"CoworkerId":7}]""");
        var receiver = Receiver();

        await receiver.ReceiveAsync("BookingUpdate", body, Sign(body));
        var second = await receiver.ReceiveAsync("BookingUpdate", body, Sign(body));

        Assert.Equal(WebhookReceiptOutcome.Duplicate, second.Outcome);
        Assert.Equal(200, second.StatusCode);
        Assert.Single(await _inbox.ReadWebhookEventsAsync(10));
    }

    [Theory]
    [InlineData("BlogPostCreate")]
    [InlineData("4")]
    [InlineData("NotAnAction")]
    [InlineData("999")]
    [InlineData("BookingCreate,BookingUpdate")]
    public async Task ReceiveAsync_ActionThatCannotChangeAccess_IsIgnored(string action)
    {
        var body = Body("""[{"Id":11}]""");

        var receipt = await Receiver().ReceiveAsync(action, body, Sign(body));

        Assert.Equal(WebhookReceiptOutcome.Ignored, receipt.Outcome);
        Assert.Equal(202, receipt.StatusCode);
        Assert.Empty(await _inbox.ReadWebhookEventsAsync(10));
    }

    [Theory]
    [InlineData("""{"Id":11}""")]
    [InlineData("[]")]
    [InlineData("[null]")]
    [InlineData("""[{"Id":1},{"Id":2}]""")]
    [InlineData("[")]
    public async Task ReceiveAsync_BodyNotAnArrayOfOneRecord_IsInvalid(string json)
    {
        var body = Body(json);

        var receipt = await Receiver().ReceiveAsync("CoworkerUpdate", body, Sign(body));

        Assert.Equal(WebhookReceiptOutcome.Invalid, receipt.Outcome);
        Assert.Equal(400, receipt.StatusCode);
        Assert.Empty(await _inbox.ReadWebhookEventsAsync(10));
    }

    [Fact]
    public async Task ReceiveAsync_Team_NamesItsMembersAndPayer()
    {
        var body = Body("""[{"Id":5,"PayingMemberId":100,"TeamMembers":[101,102]}]""");

        await Receiver().ReceiveAsync("TeamUpdated", body, Sign(body));

        var recorded = Assert.Single(await _inbox.ReadWebhookEventsAsync(10));
        Assert.Equal([100L, 101L, 102L], recorded.CustomerIds);
        Assert.Equal([100L], recorded.TeamPayerIds);
    }

    [Fact]
    public async Task ReceiveAsync_Contract_NamesItsHolderAsCustomerAndTeamPayer()
    {
        var body = Body("""[{"Id":9,"CoworkerId":100,"Active":false}]""");

        await Receiver().ReceiveAsync("CoworkerContractCancel", body, Sign(body));

        var recorded = Assert.Single(await _inbox.ReadWebhookEventsAsync(10));
        Assert.Equal([100L], recorded.CustomerIds);
        Assert.Equal([100L], recorded.TeamPayerIds);
    }

    [Fact]
    public async Task ReceiveAsync_PlanChange_NamesNobodySoTheWorkerRunsAWholeSync()
    {
        var body = Body("""[{"Id":9,"Name":"Hot desk"}]""");

        await Receiver().ReceiveAsync("TariffUpdate", body, Sign(body));

        Assert.Empty(Assert.Single(await _inbox.ReadWebhookEventsAsync(10)).CustomerIds);
    }
}
