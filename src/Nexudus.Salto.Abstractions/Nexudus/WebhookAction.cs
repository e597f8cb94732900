namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The event that fires a <see cref="Webhook"/> (Nexudus <c>eWebhookAction</c>).
/// </summary>
/// <remarks>
/// Sent as a number; numbers not listed here are kept as they are. Names follow Nexudus' published
/// list, spelling included. Members whose summary says "Relevant to access sync" are the actions
/// that can change door access; there is no action for CoworkerTimePass, which must be polled.
/// </remarks>
public enum WebhookAction
{
    /// <summary>No action.</summary>
    None = 1,

    /// <summary>A customer was updated. Relevant to access sync.</summary>
    CoworkerUpdate = 2,

    /// <summary>A customer was created. Relevant to access sync.</summary>
    CoworkerCreate = 3,

    /// <summary>A blog post was created.</summary>
    BlogPostCreate = 4,

    /// <summary>A blog post was updated.</summary>
    BlogPostUpdate = 5,

    /// <summary>A booking was created. Relevant to access sync.</summary>
    BookingCreate = 6,

    /// <summary>A booking was updated. Relevant to access sync.</summary>
    BookingUpdate = 7,

    /// <summary>A booking was deleted or cancelled. Relevant to access sync.</summary>
    BookingDelete = 8,

    /// <summary>A welcome email was sent.</summary>
    SendWelcomeEmail = 9,

    /// <summary>A contract was activated. Relevant to access sync.</summary>
    CoworkerContractActivate = 10,

    /// <summary>A contract was cancelled. Relevant to access sync.</summary>
    CoworkerContractCancel = 11,

    /// <summary>A contract was renewed. Relevant to access sync.</summary>
    CoworkerContractRenew = 12,

    /// <summary>A contract was moved to another plan. Relevant to access sync.</summary>
    CoworkerContractUpgradeDowngrade = 13,

    /// <summary>A customer's first contract was activated.</summary>
    CoworkerContractActivateFirst = 14,

    /// <summary>A customer's first invoice was created.</summary>
    CoworkerInvoiceCreateFirst = 15,

    /// <summary>An invoice was created.</summary>
    CoworkerInvoiceCreate = 16,

    /// <summary>An invoice was deleted.</summary>
    CoworkerInvoiceDelete = 17,

    /// <summary>An invoice was updated.</summary>
    CoworkerInvoiceUpdate = 18,

    /// <summary>An invoice was refunded.</summary>
    CoworkerInvoiceRefund = 19,

    /// <summary>A credit note was issued.</summary>
    CoworkerInvoiceCreditNote = 20,

    /// <summary>An invoice was paid.</summary>
    CoworkerInvoicePaid = 21,

    /// <summary>An invoice payment failed.</summary>
    CoworkerInvoiceFailedPayment = 22,

    /// <summary>A payment was received for an invoice.</summary>
    CoworkerInvoiceReceivedPayment = 23,

    /// <summary>An invoice is awaiting payment.</summary>
    CoworkerInvoiceAwaitingPayment = 24,

    /// <summary>A calendar event was created.</summary>
    CalendarEventCreate = 25,

    /// <summary>A calendar event was updated.</summary>
    CalendarEventUpdate = 26,

    /// <summary>An event attendee was removed.</summary>
    CalendarEventAttendeeDelete = 27,

    /// <summary>An event attendee was added.</summary>
    CalendarEventAttendeeCreate = 28,

    /// <summary>An event attendee was updated.</summary>
    CalendarEventAttendeeUpdate = 29,

    /// <summary>A global chat message was posted.</summary>
    GlobalChatMessageCreate = 30,

    /// <summary>A newsletter subscriber was created.</summary>
    NewsLetterSubscriberCreate = 31,

    /// <summary>A newsletter subscriber subscribed.</summary>
    NewsLetterSubscriberSubscribed = 32,

    /// <summary>A newsletter subscriber unsubscribed.</summary>
    NewsLetterSubscriberUnSubscribed = 33,

    /// <summary>A newsletter subscriber was removed from a group.</summary>
    NewsLetterSubscriberRemovedFromGroup = 34,

    /// <summary>A customer checked out.</summary>
    CoworkerCheckout = 35,

    /// <summary>A customer checked in. Relevant to access sync.</summary>
    CoworkerCheckin = 36,

    /// <summary>A customer's check-in failed.</summary>
    CoworkerCheckinFailed = 37,

    /// <summary>A visitor notification was sent.</summary>
    VisitorNotification = 38,

    /// <summary>A community board thread was started.</summary>
    CommunityBoardNewThread = 39,

    /// <summary>A community board reply was posted.</summary>
    CommunityBoardNewReply = 40,

    /// <summary>A visitor checked in.</summary>
    VisitorCheckedin = 41,

    /// <summary>A visitor was registered.</summary>
    VisitorRegistered = 42,

    /// <summary>A blog post was deleted.</summary>
    BlogPostDelete = 43,

    /// <summary>A calendar event was deleted.</summary>
    CalendarEventDelete = 44,

    /// <summary>A help-desk message was created (spelled this way by Nexudus).</summary>
    HelDeskMessageCreated = 45,

    /// <summary>A help-desk comment was created.</summary>
    HelpDeskCommentCreated = 46,

    /// <summary>A check-in was created. Relevant to access sync.</summary>
    CheckinCreated = 47,

    /// <summary>A check-in was updated. Relevant to access sync.</summary>
    CheckinUpdated = 48,

    /// <summary>A check-in was deleted. Relevant to access sync.</summary>
    CheckinDeleted = 49,

    /// <summary>A customer was deleted. Relevant to access sync.</summary>
    CoworkerDelete = 50,

    /// <summary>A customer message was created.</summary>
    CoworkerMessageCreate = 51,

    /// <summary>A delivery was created.</summary>
    DeliveryCreated = 52,

    /// <summary>A delivery was assigned.</summary>
    DeliveryAssigned = 53,

    /// <summary>A proposal was created.</summary>
    ProposalCreated = 54,

    /// <summary>A proposal was updated.</summary>
    ProposalUpdated = 55,

    /// <summary>A proposal was deleted.</summary>
    ProposalDeleted = 56,

    /// <summary>A team was created. Relevant to access sync.</summary>
    TeamCreated = 57,

    /// <summary>A team was updated. Relevant to access sync.</summary>
    TeamUpdated = 58,

    /// <summary>A team was deleted. Relevant to access sync.</summary>
    TeamDeleted = 59,

    /// <summary>A contract was updated. Relevant to access sync.</summary>
    CoworkerContractUpdate = 60,

    /// <summary>Access control changed for a customer (what triggers it is unconfirmed). Relevant to access sync.</summary>
    AccessControlUpdate = 61,

    /// <summary>A contract was created. Relevant to access sync.</summary>
    CoworkerContractCreate = 62,

    /// <summary>A check-in attempt failed.</summary>
    FailedCheckin = 63,

    /// <summary>A visitor was deleted.</summary>
    VisitorDeleted = 64,

    /// <summary>An invoice ledger entry was created.</summary>
    CoworkerInvoiceLedgerEntryCreate = 65,

    /// <summary>An invoice ledger entry was deleted.</summary>
    CoworkerInvoiceLedgerEntryDelete = 66,

    /// <summary>An invoice ledger entry was updated.</summary>
    CoworkerInvoiceLedgerEntryUpdate = 67,

    /// <summary>A customer product was created. Relevant to access sync.</summary>
    CoworkerProductCreate = 68,

    /// <summary>A customer product was updated. Relevant to access sync.</summary>
    CoworkerProductUpdate = 69,

    /// <summary>A customer product was deleted. Relevant to access sync.</summary>
    CoworkerProductDelete = 70,

    /// <summary>A floor-plan desk or office was created. Relevant to access sync.</summary>
    FloorPlanDeskCreate = 71,

    /// <summary>A floor-plan desk or office was deleted. Relevant to access sync.</summary>
    FloorPlanDeskDelete = 72,

    /// <summary>A floor-plan desk or office was updated. Relevant to access sync.</summary>
    FloorPlanDeskUpdate = 73,

    /// <summary>A plan was created. Relevant to access sync.</summary>
    TariffCreate = 74,

    /// <summary>A plan was deleted. Relevant to access sync.</summary>
    TariffDelete = 75,

    /// <summary>A plan was updated. Relevant to access sync.</summary>
    TariffUpdate = 76,

    /// <summary>A contract was deleted. Relevant to access sync.</summary>
    CoworkerContractDelete = 77,

    /// <summary>A floor plan was created.</summary>
    FloorPlanCreate = 78,

    /// <summary>A floor plan was deleted.</summary>
    FloorPlanDelete = 79,

    /// <summary>A floor plan was updated.</summary>
    FloorPlanUpdate = 80,

    /// <summary>A product was created.</summary>
    ProductCreate = 81,

    /// <summary>A product was deleted.</summary>
    ProductDelete = 82,

    /// <summary>A product was updated.</summary>
    ProductUpdate = 83,

    /// <summary>A location was updated.</summary>
    BusinessUpdate = 84,

    /// <summary>A community group was created.</summary>
    CommunityGroupCreate = 85,

    /// <summary>A community group was deleted.</summary>
    CommunityGroupDelete = 86,

    /// <summary>A community group was updated.</summary>
    CommunityGroupUpdate = 87,

    /// <summary>A payment method was added.</summary>
    CoworkerPaymentMethodCreate = 88,

    /// <summary>A payment method was removed.</summary>
    CoworkerPaymentMethodDelete = 89,

    /// <summary>A payment method was updated.</summary>
    CoworkerPaymentMethodUpdate = 90,
}
