using System.Globalization;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

// Customers and teams.
public sealed partial class NexudusSeedBuilder
{
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
}
