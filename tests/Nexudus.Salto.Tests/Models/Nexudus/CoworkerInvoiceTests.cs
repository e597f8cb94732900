using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class CoworkerInvoiceTests
{
    [Fact]
    public void Deserialize_Documented_ReadsTheFieldsPaymentAwareAccessUses()
    {
        var invoice = ModelAssert.Read<CoworkerInvoice>(NexudusPayloads.CoworkerInvoiceDocumented);

        Assert.Equal((1415914201L, 1414000001L, "INV-0042"), (invoice.CoworkerId, invoice.BusinessId, invoice.InvoiceNumber));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), invoice.DueDate);
        Assert.Equal((false, false, (bool?)null, (bool?)null), (invoice.Paid, invoice.Draft, invoice.Void, invoice.CreditNote));
        Assert.Equal(120m, invoice.TotalAmount);
    }

    [Fact]
    public void Deserialize_Paid_ReadsWhenAndHowMuch()
    {
        var invoice = ModelAssert.Read<CoworkerInvoice>(NexudusPayloads.CoworkerInvoiceFull);

        Assert.Equal((true, 120m), (invoice.Paid, invoice.PaidAmount));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), invoice.PaidOn);
    }
}
