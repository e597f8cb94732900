using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class OverdueInvoicesTests
{
    private const long Business = 1414000001;
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 12, 0, 0, TimeSpan.Zero);

    private static CoworkerInvoice Invoice(long id, long customer, DateTimeOffset due, Func<CoworkerInvoice, CoworkerInvoice>? change = null)
    {
        var invoice = new CoworkerInvoice
        {
            Id = id, CoworkerId = customer, BusinessId = Business, InvoiceNumber = $"INV-{id}", DueDate = due,
            TotalAmount = 100m, PaidAmount = 0m, Paid = false, Void = false, CreditNote = false, Draft = false,
        };
        return change is null ? invoice : change(invoice);
    }

    [Fact]
    public void FindSuspensions_DueDateMoreThanTheGraceBehind_SuspendsWithTheOldestInvoice()
    {
        var suspensions = OverdueInvoices.FindSuspensions(
            [Invoice(2, 7, Now.AddDays(-10)), Invoice(1, 7, Now.AddDays(-40)), Invoice(3, 8, Now.AddDays(-2))], Business, 7, Now);

        var only = Assert.Single(suspensions);
        Assert.Equal((7L, 1L, Now.AddDays(-40), Now.AddDays(-33)), (only.CustomerId, only.InvoiceId, only.OverdueSince, only.SuspendedFrom));
        Assert.Equal("invoice #INV-1 overdue since 2026-04-10", only.Reason);
    }

    [Fact]
    public void FindSuspensions_GraceEndsExactlyNow_Suspends()
    {
        Assert.Single(OverdueInvoices.FindSuspensions([Invoice(1, 7, Now.AddDays(-7))], Business, 7, Now));
        Assert.Empty(OverdueInvoices.FindSuspensions([Invoice(1, 7, Now.AddDays(-7).AddTicks(1))], Business, 7, Now));
    }

    [Theory]
    [InlineData("paid")]
    [InlineData("paid in full")]
    [InlineData("void")]
    [InlineData("credit note")]
    [InlineData("draft")]
    [InlineData("other location")]
    [InlineData("no due date")]
    [InlineData("no customer")]
    public void FindSuspensions_InvoiceThatIsNotOwed_SuspendsNobody(string kind)
    {
        var invoice = Invoice(1, 7, Now.AddDays(-60), i => kind switch
        {
            "paid" => i with { Paid = true },
            "paid in full" => i with { PaidAmount = 100m },
            "void" => i with { Void = true },
            "credit note" => i with { CreditNote = true },
            "draft" => i with { Draft = true },
            "other location" => i with { BusinessId = 99 },
            "no due date" => i with { DueDate = null },
            _ => i with { CoworkerId = null },
        });

        Assert.Empty(OverdueInvoices.FindSuspensions([invoice], Business, 0, Now));
    }

    [Fact]
    public void FindSuspensions_PartlyPaid_StillSuspends()
    {
        Assert.Single(OverdueInvoices.FindSuspensions([Invoice(1, 7, Now.AddDays(-30), i => i with { PaidAmount = 99.99m })], Business, 7, Now));
    }

    [Fact]
    public void Evaluate_InvoiceWithinTheGrace_GivesTheInstantItEnds()
    {
        var (overdue, next) = OverdueInvoices.Evaluate([Invoice(1, 7, Now.AddDays(-2)), Invoice(2, 8, Now.AddDays(-5))], Business, 7, Now);

        Assert.Empty(overdue);
        Assert.Equal(Now.AddDays(2), next);
    }

    [Fact]
    public void Apply_SuspendedAtOneLocation_KeepsTheGrantsOfAnother()
    {
        var here = new TimePassGrant { BusinessId = Business, CoworkerTimePassId = 1, TimePassId = 1 };
        var there = new TimePassGrant { BusinessId = 2, CoworkerTimePassId = 2, TimePassId = 2, ValidUntil = Now.AddDays(1) };
        var desired = new DesiredAccess
        {
            EvaluatedAt = Now,
            Memberships =
            [
                new DesiredMembership { SiteId = "s", GroupId = "both", CustomerId = 7, Grants = [here, there] },
                new DesiredMembership { SiteId = "s", GroupId = "here", CustomerId = 7, Grants = [here] },
                new DesiredMembership { SiteId = "s", GroupId = "here", CustomerId = 8, Grants = [here] },
            ],
        };
        var suspension = OverdueInvoices.FindSuspensions([Invoice(1, 7, Now.AddDays(-30))], Business, 7, Now);

        var applied = PaymentAwareAccess.Apply(desired, suspension);

        Assert.Equal([("both", 7L), ("here", 8L)], applied.Memberships.Select(m => (m.GroupId, m.CustomerId)));
        Assert.Equal((IReadOnlyList<AccessGrant>)[there], applied.Memberships[0].Grants);
        Assert.Equal(Now.AddDays(1), applied.Memberships[0].ValidUntil);
    }
}
