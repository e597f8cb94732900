using System.Text.Json.Serialization.Metadata;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>The operations an entity route allows.</summary>
[Flags]
internal enum NexudusOperations
{
    Read = 1,
    Create = 2,
    Update = 4,
    Delete = 8,
    ReadOnly = Read,
    All = Read | Create | Update | Delete,
}

/// <summary>
/// One Nexudus entity as the sandbox serves it: its route, filter prefix, default order, allowed
/// operations, required fields and date twins.
/// </summary>
internal sealed class NexudusEntityKind
{
    private NexudusEntityKind(string name, string path, Type clrType)
    {
        Name = name;
        Path = path;
        ClrType = clrType;
        TypeInfo = global::Nexudus.Salto.Nexudus.NexudusJsonContext.Default.GetTypeInfo(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not in NexudusJsonContext.");
        PropertyNames = [.. TypeInfo.Properties.Select(p => p.Name)];
    }

    /// <summary>Gets the entity name, the prefix of its filters (<c>Coworker</c> in <c>Coworker_Email</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the collection path, for example <c>/api/spaces/coworkers</c>.</summary>
    public string Path { get; }

    public Type ClrType { get; }

    public JsonTypeInfo TypeInfo { get; }

    /// <summary>Gets the wire names of the model's properties.</summary>
    public IReadOnlyList<string> PropertyNames { get; }

    public NexudusOperations Operations { get; private init; } = NexudusOperations.All;

    public string DefaultOrderField { get; private init; } = "Id";

    public bool DefaultOrderDescending { get; private init; }

    /// <summary>Gets the fields a POST or PUT must carry (besides <c>Id</c> on PUT).</summary>
    public IReadOnlyList<string> RequiredFields { get; private init; } = [];

    /// <summary>Gets the plain date fields that have a <c>*Local</c> twin.</summary>
    public IReadOnlyList<string> DatesWithLocalTwin { get; private init; } = [];

    public static IReadOnlyList<NexudusEntityKind> All { get; } =
    [
        new("Business", "/api/sys/businesses", typeof(Business)) { Operations = NexudusOperations.Read | NexudusOperations.Update, DefaultOrderField = "Name" },
        new("SimpleTimeZone", "/api/sys/simpletimezones", typeof(SimpleTimeZone)) { Operations = NexudusOperations.ReadOnly, DefaultOrderField = "Name" },
        new("Coworker", "/api/spaces/coworkers", typeof(Coworker))
        {
            Operations = NexudusOperations.Read | NexudusOperations.Create | NexudusOperations.Update,
            DefaultOrderField = "FullName",
            RequiredFields = ["FullName", "SimpleTimeZoneId", "CountryId"],
            DatesWithLocalTwin = ["RegistrationDate"],
        },
        new("Team", "/api/spaces/teams", typeof(Team)) { DefaultOrderField = "Name", RequiredFields = ["BusinessId", "Name"] },
        new("TimePass", "/api/billing/timepasses", typeof(TimePass)) { DefaultOrderField = "Name", RequiredFields = ["BusinessId", "Name"] },
        new("TimePassTimeSlot", "/api/billing/timepasstimeslots", typeof(TimePassTimeSlot)) { RequiredFields = ["TimePassId"] },
        new("CoworkerTimePass", "/api/billing/coworkertimepasses", typeof(CoworkerTimePass))
        {
            RequiredFields = ["CoworkerId", "BusinessId", "TimePassId", "CreateMultiple"],
        },
        new("Tariff", "/api/billing/tariffs", typeof(Tariff)) { DefaultOrderField = "Name", RequiredFields = ["BusinessId", "Name"] },
        new("TariffTimePass", "/api/billing/tarifftimepasses", typeof(TariffTimePass)) { RequiredFields = ["TariffId", "TimePassId"] },
        new("CoworkerContract", "/api/billing/coworkercontracts", typeof(CoworkerContract))
        {
            RequiredFields = ["CoworkerId", "TariffId", "StartDate"],
            DatesWithLocalTwin = ["StartDate", "RenewalDate", "InvoicedPeriod", "ContractTerm", "NextAutoInvoice", "CancellationDate"],
        },
        new("FloorPlanDesk", "/api/sys/floorplandesks", typeof(FloorPlanDesk))
        {
            DefaultOrderField = "Name",
            RequiredFields = ["Name"],
            DatesWithLocalTwin = ["AvailableFromTime", "AvailableToTime"],
        },
        new("Resource", "/api/spaces/resources", typeof(Resource)) { DefaultOrderField = "Name", RequiredFields = ["BusinessId", "Name"] },
        new("Booking", "/api/spaces/bookings", typeof(Booking))
        {
            DefaultOrderField = "FromTime",
            RequiredFields = ["FromTime", "ToTime"],
            DatesWithLocalTwin = ["FromTime", "ToTime"],
        },
        new("CancelledBooking", "/api/spaces/cancelledbookings", typeof(CancelledBooking))
        {
            Operations = NexudusOperations.ReadOnly,
            DefaultOrderField = "FromTime",
            DatesWithLocalTwin = ["FromTime", "ToTime"],
        },
        new("CoworkerInvoice", "/api/billing/coworkerinvoices", typeof(CoworkerInvoice))
        {
            // Nexudus creates invoices itself: the API reads and updates them only.
            Operations = NexudusOperations.Read | NexudusOperations.Update,
            DefaultOrderField = "DueDate",
            RequiredFields = ["CoworkerId", "BusinessId"],
            DatesWithLocalTwin = ["DueDate", "PaidOn"],
        },
        new("Visitor", "/api/spaces/visitors", typeof(Visitor))
        {
            DefaultOrderField = "ExpectedArrival",
            RequiredFields = ["BusinessId", "FullName", "ExpectedArrival"],
            DatesWithLocalTwin = ["ExpectedArrival"],
        },

        // A booking guest is created on its own, with the ids of a real visitor and a customer's booking.
        new("BookingVisitor", "/api/spaces/bookingvisitors", typeof(BookingVisitor)) { RequiredFields = ["BookingId", "VisitorId"] },
        new("Checkin", "/api/spaces/checkins", typeof(CheckIn))
        {
            DefaultOrderField = "FromTime",
            DefaultOrderDescending = true,
            RequiredFields = ["BusinessId", "FromTime"],
            DatesWithLocalTwin = ["FromTime", "ToTime"],
        },
        new("WebHook", "/api/sys/webhooks", typeof(Webhook)) { DefaultOrderField = "Name", RequiredFields = ["BusinessId", "Name", "Action", "URL"] },
    ];

    public static NexudusEntityKind? ForPath(string collectionPath) =>
        All.FirstOrDefault(k => string.Equals(k.Path, collectionPath, StringComparison.OrdinalIgnoreCase));

    public static NexudusEntityKind For(Type clrType) =>
        All.FirstOrDefault(k => k.ClrType == clrType)
        ?? throw new ArgumentException($"{clrType.Name} is not an entity the Nexudus sandbox serves.", nameof(clrType));

    public bool Allows(NexudusOperations operation) => (Operations & operation) == operation;
}
