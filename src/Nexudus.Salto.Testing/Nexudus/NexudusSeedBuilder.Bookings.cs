using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

// Floor-plan items, resources and their bookings.
public sealed partial class NexudusSeedBuilder
{
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
}
