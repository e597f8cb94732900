using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// An invoice issued to a customer, from <c>/api/billing/coworkerinvoices</c> (read and update only: Nexudus
/// creates invoices itself). Payment-aware access reads these to find invoices left unpaid past their due date.
/// </summary>
public sealed record CoworkerInvoice : NexudusEntity
{
    /// <summary>Gets the id of the invoiced customer.</summary>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the id of the location that issued the invoice.</summary>
    public long? BusinessId { get; init; }

    /// <summary>Gets the invoice number, assigned when the invoice is finalised; <see langword="null"/> on a draft.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>Gets when payment is due (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? DueDate { get; init; }

    /// <summary>Gets the invoice's total.</summary>
    public decimal? TotalAmount { get; init; }

    /// <summary>Gets how much of the total has been paid.</summary>
    public decimal? PaidAmount { get; init; }

    /// <summary>Gets whether the invoice is fully paid.</summary>
    public bool? Paid { get; init; }

    /// <summary>Gets when the invoice was marked as fully paid (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? PaidOn { get; init; }

    /// <summary>Gets whether the invoice was voided.</summary>
    public bool? Void { get; init; }

    /// <summary>Gets whether the record is a credit note rather than an invoice.</summary>
    public bool? CreditNote { get; init; }

    /// <summary>Gets whether the invoice is still a draft (not yet issued).</summary>
    public bool? Draft { get; init; }
}
