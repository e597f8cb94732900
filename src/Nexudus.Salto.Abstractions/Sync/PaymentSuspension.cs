using System.Globalization;

namespace Nexudus.Salto.Sync;

/// <summary>
/// A customer whose door access at one location is suspended because an invoice of that location is unpaid past its
/// due date by more than the location's grace (<c>SuspendAfterOverdueDays</c>): the lineage of the removals it causes.
/// </summary>
public sealed record PaymentSuspension
{
    /// <summary>Gets the Nexudus location (business) whose access is suspended.</summary>
    public required long BusinessId { get; init; }

    /// <summary>Gets the customer.</summary>
    public required long CustomerId { get; init; }

    /// <summary>Gets the id of the oldest overdue invoice (the one the suspension is about).</summary>
    public required long InvoiceId { get; init; }

    /// <summary>Gets the invoice's number as Nexudus shows it; <see langword="null"/> when it has none.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>Gets when the invoice was due (UTC): it has been overdue since then.</summary>
    public required DateTimeOffset OverdueSince { get; init; }

    /// <summary>Gets when the grace ended and access was (or will be) suspended (UTC).</summary>
    public required DateTimeOffset SuspendedFrom { get; init; }

    /// <summary>Gets what became of the suspension this run.</summary>
    public PaymentSuspensionState State { get; init; }

    /// <summary>Gets the lineage in words, for example <c>invoice #INV-0042 overdue since 2026-11-02</c>.</summary>
    public string Reason => string.Create(
        CultureInfo.InvariantCulture,
        $"invoice #{InvoiceNumber ?? InvoiceId.ToString(CultureInfo.InvariantCulture)} overdue since {OverdueSince:yyyy-MM-dd}");
}
