using System.Globalization;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

// Passes, plans and contracts.
public sealed partial class NexudusSeedBuilder
{
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
}
