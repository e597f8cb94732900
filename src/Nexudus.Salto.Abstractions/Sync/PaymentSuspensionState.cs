namespace Nexudus.Salto.Sync;

/// <summary>What became of a <see cref="PaymentSuspension"/> in one sync run.</summary>
public enum PaymentSuspensionState
{
    /// <summary>The grace ended since the last run: the customer loses the memberships the SDK granted at the location.</summary>
    Started = 0,

    /// <summary>The invoice is still overdue: the suspension goes on.</summary>
    Continuing = 1,

    /// <summary>
    /// The invoices could not be read this run, so the suspension the last run recorded is kept as it was: nothing is
    /// restored (and nobody new is suspended) until they can be read again.
    /// </summary>
    KeptUnread = 2,

    /// <summary>
    /// The invoice was paid, voided or credited (or payment-aware access was turned off): the customer's entitlements
    /// at the location apply again, so the memberships the suspension removed are added back.
    /// </summary>
    Lifted = 3,
}
