using System.Globalization;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Describes seed data for a <see cref="NexudusSandbox"/> fluently, producing consistent records:
/// ids from the sandbox's sequence, back-references filled in (a contract sets the desk's customer
/// and the customer's plan, a team sets each member's <c>Teams</c>), names copied where Nexudus
/// denormalises them.
/// </summary>
/// <remarks>
/// <para>
/// Records are referred to by natural keys: customers by e-mail, everything else by name.
/// <see cref="Location"/> (or <see cref="AtLocation"/>) sets the location that later calls add
/// to. A name is looked up at the current location first, then anywhere (including records of
/// earlier seeds); an unknown or ambiguous name throws <see cref="ArgumentException"/>.
/// </para>
/// <para>
/// Every method takes an optional <c>customize</c> function, a <c>with</c> expression over the
/// record about to be added, to set any other field. Dates are UTC instants; the sandbox derives
/// the <c>*Local</c> twins from the location's time zone when it serves them.
/// </para>
/// </remarks>
public sealed class NexudusSeedBuilder
{
    private static readonly DateTimeOffset SlotDate = new(1976, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly NexudusStore _store;
    private readonly DateTimeOffset _now;
    private readonly string _updatedBy;
    private readonly Dictionary<long, NexudusEntity> _changed = [];
    private readonly Dictionary<long, (long Id, string Name)> _floorPlans = [];
    private Dictionary<string, long>? _customerByEmail;
    private long? _location;

    internal NexudusSeedBuilder(NexudusStore store, DateTimeOffset now, string updatedBy)
    {
        _store = store;
        _now = now;
        _updatedBy = updatedBy;
    }

    /// <summary>Adds a Nexudus <see cref="SimpleTimeZone"/> for <paramref name="zone"/> (its id as <c>Name</c>), unless one with that name exists.</summary>
    /// <param name="zone">The zone; IANA ids (<c>Europe/London</c>) work on every platform.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder TimeZone(TimeZoneInfo zone, Func<SimpleTimeZone, SimpleTimeZone>? customize = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _ = ZoneRecord(zone, customize);
        return this;
    }

    /// <summary>Adds a location (<see cref="Business"/>) and makes it the current one.</summary>
    /// <param name="name">The location's name, unique among locations.</param>
    /// <param name="timeZone">Its time zone; default UTC.</param>
    /// <param name="customize">Sets other fields (opening hours, address, …).</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Location(string name, TimeZoneInfo? timeZone = null, Func<Business, Business>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Records<Business>().Any(b => Same(b.Name, name)))
        {
            throw new ArgumentException($"A location named '{name}' already exists.", nameof(name));
        }

        var zone = ZoneRecord(timeZone ?? TimeZoneInfo.Utc, customize: null);
        var business = Add(new Business
        {
            Name = name,
            WebAddress = new string([.. name.ToLowerInvariant().Where(char.IsLetterOrDigit)]),
            SimpleTimeZoneId = zone.Id,
            Suspended = false,
        }, customize);
        _location = business.Id;
        return this;
    }

    /// <summary>Makes an existing location the current one.</summary>
    /// <param name="name">The location's name.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder AtLocation(string name)
    {
        _location = Find<Business>(name, b => b.Name, atLocation: null).Id;
        return this;
    }

    /// <summary>
    /// Adds an active customer (<see cref="Coworker"/>) at the current location, or adds the current
    /// location to an existing customer with that e-mail.
    /// </summary>
    /// <param name="email">The e-mail, the customer's key.</param>
    /// <param name="fullName">The full name.</param>
    /// <param name="customize">Sets other fields (<c>AccessCardId</c>, <c>Active</c>, <c>Archived</c>, …).</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Customer(string email, string fullName, Func<Coworker, Coworker>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        var location = CurrentLocation();
        if (TryFindCustomer(email) is { } existing)
        {
            Replace(existing with { Businesses = [.. (existing.Businesses ?? []).Append(location.Id).Distinct()] }, customize);
            return this;
        }

        var names = fullName.Split(' ', 2, StringSplitOptions.TrimEntries);
        Add(new Coworker
        {
            CoworkerType = CoworkerType.Individual,
            FullName = fullName,
            Email = email,
            GuessedFirstName = names[0],
            GuessedLastName = names.Length > 1 ? names[1] : null,
            Active = true,
            Archived = false,
            Businesses = [location.Id],
            Teams = [],
            InvoicingBusinessId = location.Id,
            SimpleTimeZoneId = location.SimpleTimeZoneId,
            CanMakeBookings = true,
            CanBookForTeam = false,
            AllowNetworkCheckin = false,
            RegistrationDate = _now,
        }, customize);
        return this;
    }

    /// <summary>
    /// Adds <paramref name="count"/> generated customers at the current location, e-mailed
    /// <c>{prefix}0001@example.com</c> onwards and named <c>Customer 0001</c> onwards; for paging and cost tests.
    /// </summary>
    /// <param name="count">How many.</param>
    /// <param name="emailPrefix">The local part before the number.</param>
    /// <param name="customize">Sets other fields of each.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Customers(int count, string emailPrefix = "customer", Func<Coworker, Coworker>? customize = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentException.ThrowIfNullOrWhiteSpace(emailPrefix);
        for (var i = 1; i <= count; i++)
        {
            var number = i.ToString("0000", CultureInfo.InvariantCulture);
            Customer($"{emailPrefix}{number}@example.com", $"Customer {number}", customize);
        }

        return this;
    }

    /// <summary>Adds a pass definition (<see cref="TimePass"/>) at the current location: a day pass unless customised with <c>MinutesIncluded</c>.</summary>
    /// <param name="name">The pass's name.</param>
    /// <param name="accessControlGroupId">The access group linked in Nexudus (<c>AccessControlGroupId</c>), if any.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Pass(string name, string? accessControlGroupId = null, Func<TimePass, TimePass>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var location = CurrentLocation();
        Add(new TimePass
        {
            BusinessId = location.Id,
            Name = name,
            Businesses = [location.Id],
            Tariffs = [],
            MinutesIncluded = null,
            Archived = false,
            AccessControlGroupId = accessControlGroupId,
        }, customize);
        return this;
    }

    /// <summary>
    /// Adds a time slot to a pass (<see cref="TimePassTimeSlot"/>): the hours on one weekday when it
    /// may be used. Times are stored on the dummy date 1976-01-01, as Nexudus does for resource
    /// slots; whether slot times are local is unconfirmed, so they are the times given.
    /// </summary>
    /// <param name="passName">The pass.</param>
    /// <param name="day">The weekday; stored as <see cref="DayOfWeek"/>'s number (0 = Sunday, unconfirmed).</param>
    /// <param name="from">The start time of day.</param>
    /// <param name="to">The end time of day.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder PassTimeSlot(string passName, DayOfWeek day, TimeOnly from, TimeOnly to, Func<TimePassTimeSlot, TimePassTimeSlot>? customize = null)
    {
        var pass = Find<TimePass>(passName, p => p.Name);
        Add(new TimePassTimeSlot
        {
            TimePassId = pass.Id,
            DayOfWeek = (int)day,
            FromTime = SlotDate + from.ToTimeSpan(),
            ToTime = SlotDate + to.ToTimeSpan(),
        }, customize);
        return this;
    }

    /// <summary>Gives a customer a pass (<see cref="CoworkerTimePass"/>): unused, never expiring unless customised.</summary>
    /// <param name="customerEmail">The customer.</param>
    /// <param name="passName">The pass definition.</param>
    /// <param name="customize">Sets other fields (<c>ExpireDate</c>, <c>Used</c>, <c>RemainingUses</c>, …).</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder CustomerPass(string customerEmail, string passName, Func<CoworkerTimePass, CoworkerTimePass>? customize = null)
    {
        var customer = FindCustomer(customerEmail);
        var pass = Find<TimePass>(passName, p => p.Name);
        Add(new CoworkerTimePass
        {
            CoworkerId = customer.Id,
            BusinessId = pass.BusinessId,
            TimePassId = pass.Id,
            TimePassName = pass.Name,
            Used = false,
            CheckedIn = false,
            Free = false,
            Invoiced = false,
            IsFromTariff = false,
            IsPayAsYouGo = false,
            CreateMultiple = 1,
        }, customize);
        return this;
    }

    /// <summary>Adds a plan (<see cref="Tariff"/>) at the current location.</summary>
    /// <param name="name">The plan's name.</param>
    /// <param name="type">Its system type.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Plan(string name, SystemTariffType type = SystemTariffType.FullTimeHotDesk, Func<Tariff, Tariff>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Add(new Tariff { BusinessId = CurrentLocation().Id, Name = name, SystemTariffType = type, Visible = true, UseTimePasses = true }, customize);
        return this;
    }

    /// <summary>Includes passes in a plan (<see cref="TariffTimePass"/>).</summary>
    /// <param name="planName">The plan.</param>
    /// <param name="passName">The pass definition.</param>
    /// <param name="passesIncluded">How many per renewal period.</param>
    /// <param name="renewal">The renewal period.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder PlanPass(
        string planName, string passName, int passesIncluded = 1,
        TariffTimePassRenewal renewal = TariffTimePassRenewal.CalendarMonth, Func<TariffTimePass, TariffTimePass>? customize = null)
    {
        var plan = Find<Tariff>(planName, t => t.Name);
        var pass = Find<TimePass>(passName, p => p.Name);
        Add(new TariffTimePass
        {
            TariffId = plan.Id,
            TariffName = plan.Name,
            TimePassId = pass.Id,
            TimePassName = pass.Name,
            PassesIncluded = passesIncluded,
            PassRenewalTime = renewal,
        }, customize);
        Replace(pass with { Tariffs = [.. (pass.Tariffs ?? []).Append(plan.Id).Distinct()] }, customize: null);
        return this;
    }

    /// <summary>Adds a floor-plan item (<see cref="FloorPlanDesk"/>: office, desk or room) at the current location, available until a contract takes it.</summary>
    /// <param name="name">The item's name.</param>
    /// <param name="itemType">What it is.</param>
    /// <param name="accessControlGroupId">The access group linked in Nexudus, if any.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Desk(
        string name, FloorPlanItemType itemType = FloorPlanItemType.Office, string? accessControlGroupId = null,
        Func<FloorPlanDesk, FloorPlanDesk>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var location = CurrentLocation();
        if (!_floorPlans.TryGetValue(location.Id, out var floorPlan))
        {
            floorPlan = (_store.NextId(), $"{location.Name} floor plan");
            _floorPlans[location.Id] = floorPlan;
        }

        Add(new FloorPlanDesk
        {
            FloorPlanId = floorPlan.Id,
            FloorPlanName = floorPlan.Name,
            FloorPlanBusinessId = location.Id,
            Name = name,
            ItemType = itemType,
            AccessControlGroupId = accessControlGroupId,
            Available = true,
            Capacity = 1,
        }, customize);
        return this;
    }

    /// <summary>
    /// Adds an active contract (<see cref="CoworkerContract"/>) of a customer on a plan, optionally
    /// on floor-plan items; the items get the customer and the customer gets the plan.
    /// </summary>
    /// <param name="customerEmail">The customer.</param>
    /// <param name="planName">The plan.</param>
    /// <param name="startDate">When it starts (UTC instant).</param>
    /// <param name="desks">Names of the floor-plan items it covers.</param>
    /// <param name="customize">Sets other fields (<c>CancellationDate</c>, <c>InPausedPeriod</c>, …).</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Contract(
        string customerEmail, string planName, DateTimeOffset startDate, IEnumerable<string>? desks = null,
        Func<CoworkerContract, CoworkerContract>? customize = null)
    {
        var customer = FindCustomer(customerEmail);
        var plan = Find<Tariff>(planName, t => t.Name);
        var items = (desks ?? []).Select(d => Find<FloorPlanDesk>(d, x => x.Name)).ToList();
        var hasContract = Records<CoworkerContract>().Any(c => c.CoworkerId == customer.Id);
        var contract = Add(new CoworkerContract
        {
            CoworkerId = customer.Id,
            CoworkerActive = customer.Active,
            CoworkerEmail = customer.Email,
            CoworkerFullName = customer.FullName,
            TariffId = plan.Id,
            TariffName = plan.Name,
            Active = true,
            Cancelled = false,
            MainContract = !hasContract,
            StartDate = startDate,
            InPausedPeriod = false,
            Quantity = 1,
            Desks = [.. items.Select(d => d.Id)],
            Variants = [],
            FloorPlanDeskIds = string.Join(",", items.Select(d => d.Id.ToString(CultureInfo.InvariantCulture))),
            FloorPlanDeskNames = string.Join(", ", items.Select(d => d.Name)),
        }, customize);

        foreach (var desk in items)
        {
            Replace(desk with
            {
                CoworkerId = desk.ItemType is FloorPlanItemType.Office or FloorPlanItemType.DedicatedDesk ? customer.Id : desk.CoworkerId,
                Available = false,
                CoworkerContractIds = Append(desk.CoworkerContractIds, contract.Id),
                CoworkerContractFullNames = string.IsNullOrEmpty(desk.CoworkerContractFullNames) ? customer.FullName : $"{desk.CoworkerContractFullNames}, {customer.FullName}",
            }, customize: null);
        }

        var current = Get<Coworker>(customer.Id);
        Replace(current with
        {
            TariffId = contract.MainContract == true ? plan.Id : current.TariffId,
            TariffName = contract.MainContract == true ? plan.Name : current.TariffName,
            CoworkerContractIds = Append(current.CoworkerContractIds, contract.Id),
        }, customize: null);
        return this;
    }

    /// <summary>Adds a team at the current location; each member's <c>Teams</c> gets it.</summary>
    /// <param name="name">The team's name.</param>
    /// <param name="payingMemberEmail">The paying member (also an administrator and a member).</param>
    /// <param name="memberEmails">The other members.</param>
    /// <param name="customize">Sets other fields (<c>ShareTimePasses</c>, …).</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Team(string name, string payingMemberEmail, IEnumerable<string>? memberEmails = null, Func<Team, Team>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var payer = FindCustomer(payingMemberEmail);
        var members = new[] { payer }.Concat((memberEmails ?? []).Select(FindCustomer)).DistinctBy(c => c.Id).ToList();
        var team = Add(new Team
        {
            BusinessId = CurrentLocation().Id,
            Name = name,
            TeamMembers = [.. members.Select(m => m.Id)],
            TeamAdministrators = [payer.Id],
            PayingMemberId = payer.Id,
            PayingMemberFullName = payer.FullName,
            CoworkerIds = string.Join(",", members.Select(m => m.Id.ToString(CultureInfo.InvariantCulture))),
            ShareTimePasses = false,
            ShareBookingCredit = false,
            ShareExtraServices = false,
            CreateSingleInvoiceForTeam = false,
        }, customize);

        foreach (var memberId in team.TeamMembers ?? [])
        {
            var member = Get<Coworker>(memberId);
            Replace(member with { Teams = [.. (member.Teams ?? []).Append(team.Id).Distinct()] }, customize: null);
        }

        return this;
    }

    /// <summary>Adds a bookable resource at the current location.</summary>
    /// <param name="name">The resource's name.</param>
    /// <param name="accessControlGroupId">The access group linked in Nexudus, if any.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Resource(string name, string? accessControlGroupId = null, Func<Resource, Resource>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Add(new Resource
        {
            BusinessId = CurrentLocation().Id,
            Name = name,
            Visible = true,
            Archived = false,
            RequiresConfirmation = false,
            AllowMultipleBookings = false,
            AccessControlGroupId = accessControlGroupId,
        }, customize);
        return this;
    }

    /// <summary>Adds a confirmed booking of a resource by a customer.</summary>
    /// <param name="customerEmail">The customer.</param>
    /// <param name="resourceName">The resource.</param>
    /// <param name="from">Start (UTC instant).</param>
    /// <param name="to">End (UTC instant).</param>
    /// <param name="customize">Sets other fields (<c>Tentative</c>, …).</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Booking(string customerEmail, string resourceName, DateTimeOffset from, DateTimeOffset to, Func<Booking, Booking>? customize = null)
    {
        var customer = FindCustomer(customerEmail);
        var resource = Find<Resource>(resourceName, r => r.Name);
        Add(NewBooking(customer, from, to) with { ResourceId = resource.Id, ResourceName = resource.Name, ResourceResourceTypeId = resource.ResourceTypeId }, customize);
        return this;
    }

    /// <summary>Adds a confirmed booking of a floor-plan item by a customer.</summary>
    /// <param name="customerEmail">The customer.</param>
    /// <param name="deskName">The floor-plan item.</param>
    /// <param name="from">Start (UTC instant).</param>
    /// <param name="to">End (UTC instant).</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder DeskBooking(string customerEmail, string deskName, DateTimeOffset from, DateTimeOffset to, Func<Booking, Booking>? customize = null)
    {
        var customer = FindCustomer(customerEmail);
        var desk = Find<FloorPlanDesk>(deskName, d => d.Name);
        Add(NewBooking(customer, from, to) with { FloorPlanDeskId = desk.Id, FloorPlanDeskName = desk.Name, ResourceId = desk.ResourceId }, customize);
        return this;
    }

    /// <summary>Adds an expected visitor of the current location, hosted by a customer.</summary>
    /// <param name="hostEmail">The hosting customer.</param>
    /// <param name="fullName">The visitor's full name.</param>
    /// <param name="expectedArrival">When the visitor is expected (UTC instant).</param>
    /// <param name="approval">Whether the host approved the visit; <see cref="HostApprovalStatus.AcceptedAndGrant"/> lets the visitor in.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Visitor(
        string hostEmail, string fullName, DateTimeOffset expectedArrival, HostApprovalStatus approval = HostApprovalStatus.AcceptedAndGrant, Func<Visitor, Visitor>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        var host = FindCustomer(hostEmail);
        Add(new Visitor
        {
            BusinessId = CurrentLocation().Id,
            CoworkerId = host.Id,
            CoworkerFullName = host.FullName,
            FullName = fullName,
            ExpectedArrival = expectedArrival.ToUniversalTime(),
            HostApprovalStatus = approval,
            Arrived = false,
        }, customize);
        return this;
    }

    /// <summary>
    /// Adds a guest to the latest booking of <paramref name="customerEmail"/> (seeded before): a visitor record of the
    /// current location (not approved for a visit of its own) and the booking visitor that links it to the booking.
    /// </summary>
    /// <param name="customerEmail">The customer who booked.</param>
    /// <param name="guestName">The guest's full name.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder BookingGuest(string customerEmail, string guestName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guestName);
        var customer = FindCustomer(customerEmail);
        var booking = Records<Booking>().Where(b => b.CoworkerId == customer.Id).MaxBy(b => b.Id)
            ?? throw new InvalidOperationException($"Seed a booking of {customerEmail} before its guests.");
        var visitor = Add(new Visitor
        {
            BusinessId = CurrentLocation().Id,
            CoworkerId = customer.Id,
            CoworkerFullName = customer.FullName,
            FullName = guestName,
            ExpectedArrival = booking.FromTime,
            HostApprovalStatus = HostApprovalStatus.NotRequired,
        }, customize: null);
        Add(new BookingVisitor { BookingId = booking.Id, VisitorId = visitor.Id, VisitorFullName = visitor.FullName }, customize: null);
        return this;
    }

    /// <summary>
    /// Adds an issued, unpaid invoice of a customer at the current location (Nexudus creates invoices itself; the
    /// sandbox seeds them). Use <see cref="NexudusSandbox.PayInvoice"/> to record the payment later.
    /// </summary>
    /// <param name="customerEmail">The invoiced customer.</param>
    /// <param name="invoiceNumber">The invoice number.</param>
    /// <param name="dueDate">When payment is due (UTC instant).</param>
    /// <param name="customize">Sets other fields (<c>Paid</c>, <c>Void</c>, <c>CreditNote</c>, …).</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Invoice(string customerEmail, string invoiceNumber, DateTimeOffset dueDate, Func<CoworkerInvoice, CoworkerInvoice>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceNumber);
        var customer = FindCustomer(customerEmail);
        Add(new CoworkerInvoice
        {
            BusinessId = CurrentLocation().Id,
            CoworkerId = customer.Id,
            InvoiceNumber = invoiceNumber,
            DueDate = dueDate.ToUniversalTime(),
            TotalAmount = 100m,
            PaidAmount = 0m,
            Paid = false,
            Void = false,
            CreditNote = false,
            Draft = false,
        }, customize);
        return this;
    }

    /// <summary>Adds a check-in of a customer at the current location, open unless <paramref name="to"/> is given.</summary>
    /// <param name="customerEmail">The customer.</param>
    /// <param name="from">When they came (UTC instant).</param>
    /// <param name="to">When they left.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder CheckIn(string customerEmail, DateTimeOffset from, DateTimeOffset? to = null, Func<CheckIn, CheckIn>? customize = null)
    {
        var customer = FindCustomer(customerEmail);
        Add(new CheckIn { BusinessId = CurrentLocation().Id, CoworkerId = customer.Id, FromTime = from, ToTime = to, Source = CheckInSource.Manual }, customize);
        return this;
    }

    /// <summary>Adds an active webhook at the current location.</summary>
    /// <param name="name">The webhook's name.</param>
    /// <param name="action">The event it fires on.</param>
    /// <param name="url">Where it posts.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Webhook(string name, WebhookAction action, Uri url, Func<Webhook, Webhook>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(url);
        Add(new Webhook { BusinessId = CurrentLocation().Id, Name = name, Action = action, Url = url.ToString(), Active = true, ErrorCount = 0 }, customize);
        return this;
    }

    internal NexudusSeed Commit()
    {
        _store.PutAsIs(_changed.Values);
        var all = NexudusEntityKind.All.SelectMany(k => _store.All(k.ClrType)).ToList();
        return new NexudusSeed([.. _changed.Values], all);
    }

    private static Booking NewBooking(Coworker customer, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException("A booking must end after it starts.", nameof(to));
        }

        return new Booking
        {
            CoworkerId = customer.Id,
            CoworkerFullName = customer.FullName,
            FromTime = from,
            ToTime = to,
            Tentative = false,
            Online = false,
            Invoiced = false,
            InvoiceThisCoworker = true,
            CancelIfNotCheckedIn = false,
            RepeatBooking = false,
        };
    }

    private SimpleTimeZone ZoneRecord(TimeZoneInfo zone, Func<SimpleTimeZone, SimpleTimeZone>? customize)
    {
        if (Records<SimpleTimeZone>().FirstOrDefault(z => Same(z.Name, zone.Id)) is { } existing)
        {
            return existing;
        }

        var offset = zone.BaseUtcOffset;
        return Add(new SimpleTimeZone
        {
            Name = zone.Id,
            Description = zone.DisplayName,
            TimeOffset = (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            UsesSummerTime = zone.SupportsDaylightSavingTime,
        }, customize);
    }

    private Business CurrentLocation() =>
        _location is { } id ? Get<Business>(id) : throw new InvalidOperationException("Add a Location (or choose one with AtLocation) first.");

    private Coworker FindCustomer(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return TryFindCustomer(email)
            ?? throw new ArgumentException($"No customer has the e-mail '{email}'; add it with Customer first.", nameof(email));
    }

    private Coworker? TryFindCustomer(string email)
    {
        // An index, because generated customers run into the thousands.
        _customerByEmail ??= _store.All<Coworker>()
            .Where(c => c.Email is not null)
            .GroupBy(c => c.Email!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        return _customerByEmail.TryGetValue(email.Trim(), out var id) ? Get<Coworker>(id) : null;
    }

    private T Find<T>(string name, Func<T, string?> nameOf)
        where T : NexudusEntity => Find(name, nameOf, _location);

    private T Find<T>(string name, Func<T, string?> nameOf, long? atLocation)
        where T : NexudusEntity
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var matches = Records<T>().Where(r => Same(nameOf(r), name)).ToList();
        if (matches.Count > 1 && atLocation is { } location)
        {
            var here = matches.Where(r => LocationOf(r) == location).ToList();
            if (here.Count > 0)
            {
                matches = here;
            }
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException($"No {typeof(T).Name} is named '{name}'; add it first.", nameof(name)),
            _ => throw new ArgumentException($"Several {typeof(T).Name} records are named '{name}'; choose the location with AtLocation.", nameof(name)),
        };
    }

    private static long? LocationOf(NexudusEntity record) => record switch
    {
        TimePass p => p.BusinessId,
        Tariff t => t.BusinessId,
        FloorPlanDesk d => d.FloorPlanBusinessId,
        Resource r => r.BusinessId,
        Team t => t.BusinessId,
        _ => null,
    };

    /// <summary>The records of a type as this seed sees them: stored ones, overridden by this seed's changes.</summary>
    private IEnumerable<T> Records<T>()
        where T : NexudusEntity
    {
        foreach (var stored in _store.All<T>())
        {
            if (!_changed.ContainsKey(stored.Id))
            {
                yield return stored;
            }
        }

        foreach (var record in _changed.Values.OfType<T>())
        {
            yield return record;
        }
    }

    private T Get<T>(long id)
        where T : NexudusEntity =>
        _changed.TryGetValue(id, out var changed) ? (T)changed : _store.Get<T>(id) ?? throw new InvalidOperationException($"{typeof(T).Name} {id} vanished.");

    private T Add<T>(T record, Func<T, T>? customize)
        where T : NexudusEntity
    {
        var stamped = record with { Id = _store.NextId(), UniqueId = Guid.NewGuid(), CreatedOn = _now, UpdatedOn = _now, UpdatedBy = _updatedBy };
        return Replace(stamped, customize);
    }

    private T Replace<T>(T record, Func<T, T>? customize)
        where T : NexudusEntity
    {
        var final = customize is null ? record : customize(record);
        if (final.Id != record.Id)
        {
            throw new InvalidOperationException("A seed customisation must not change the record's Id.");
        }

        final = final with { UpdatedOn = _now };
        _changed[final.Id] = final;
        if (final is Coworker { Email: { } email } && _customerByEmail is not null)
        {
            _customerByEmail.TryAdd(email.Trim(), final.Id);
        }

        return final;
    }

    private static string Append(string? list, long id) =>
        string.IsNullOrEmpty(list) ? id.ToString(CultureInfo.InvariantCulture) : $"{list},{id.ToString(CultureInfo.InvariantCulture)}";

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
