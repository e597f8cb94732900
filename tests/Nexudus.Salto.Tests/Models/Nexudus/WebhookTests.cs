using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class WebhookTests
{
    [Fact]
    public void Deserialize_DocumentedExample_ReadsActionAndUrl()
    {
        var hook = ModelAssert.Read<Webhook>(NexudusPayloads.WebhookDocumented);

        Assert.Equal(1414000001L, hook.BusinessId);
        Assert.Equal("Booking updates", hook.Name);
        Assert.Equal(WebhookAction.BookingUpdate, hook.Action);
        Assert.Equal("https://example.com/hooks/nexudus", hook.Url);
        Assert.True(hook.Active);
    }

    [Fact]
    public void Deserialize_UnknownAction_KeepsTheNumber()
    {
        var hook = ModelAssert.Read<Webhook>("""{ "Id": 1, "Action": 999 }""");

        Assert.Equal((WebhookAction)999, hook.Action);
    }

    [Fact]
    public void Serialize_Url_UsesTheWireNameUrlInCapitals()
    {
        var json = ModelAssert.Write(new Webhook { Url = "https://example.com/hooks/nexudus", Action = WebhookAction.CheckinCreated });

        Assert.Equal("https://example.com/hooks/nexudus", json.GetProperty("URL").GetString());
        Assert.Equal(47, json.GetProperty("Action").GetInt32());
    }

    [Theory]
    [InlineData(WebhookAction.None, 1)]
    [InlineData(WebhookAction.CoworkerUpdate, 2)]
    [InlineData(WebhookAction.BookingDelete, 8)]
    [InlineData(WebhookAction.CoworkerContractUpgradeDowngrade, 13)]
    [InlineData(WebhookAction.CoworkerInvoiceCreate, 16)]
    [InlineData(WebhookAction.CoworkerCheckin, 36)]
    [InlineData(WebhookAction.HelDeskMessageCreated, 45)]
    [InlineData(WebhookAction.CoworkerDelete, 50)]
    [InlineData(WebhookAction.AccessControlUpdate, 61)]
    [InlineData(WebhookAction.CoworkerContractCreate, 62)]
    [InlineData(WebhookAction.CoworkerContractDelete, 77)]
    [InlineData(WebhookAction.BusinessUpdate, 84)]
    [InlineData(WebhookAction.CoworkerPaymentMethodUpdate, 90)]
    public void WebhookAction_Member_HasNexudusNumber(WebhookAction action, int number)
    {
        Assert.Equal(number, (int)action);
    }

    [Fact]
    public void WebhookAction_Members_CoverOneToNinety()
    {
        var numbers = Enum.GetValues<WebhookAction>().Select(action => (int)action);

        Assert.Equal(Enumerable.Range(1, 90), numbers);
    }
}
