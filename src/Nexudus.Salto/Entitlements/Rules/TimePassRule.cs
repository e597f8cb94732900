using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// Time passes. A pass a customer holds grants, at the location it was issued for, the groups
/// linked to its pass definition, for as long as it is valid.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A pass with no uses left (<c>RemainingUses</c> zero or below) grants nothing; a missing count does not limit it.</item>
/// <item>An unused pass (<c>Used == false</c>) is valid until it expires (<c>ExpireDate</c>), or
/// indefinitely when it has no expiry date.</item>
/// <item>A used pass is valid during the pass day it was used on (<c>UsedDate</c>), and not after
/// it expires. Pass days start at the location's pass-day cut-off, local time. A pass whose
/// <c>Used</c> flag is missing but that has a <c>UsedDate</c> counts as used then.</item>
/// <item>A pass marked used without a <c>UsedDate</c>, or with neither, grants nothing: when it was used is unknown.</item>
/// <item>When the location reads expiry dates as local time, the expiry's clock digits are the location's wall clock.</item>
/// </list>
/// </remarks>
internal static class TimePassRule
{
    /// <summary>The groups <paramref name="pass"/> grants its holder at <paramref name="location"/>, and when.</summary>
    public static IEnumerable<Entitlement> Grants(CoworkerTimePass pass, LinkedLocation location)
    {
        if (pass.CoworkerId is not { } holder || pass.TimePassId is not { } definition || pass.RemainingUses <= 0)
        {
            return [];
        }

        var expiry = Expiry(pass, location);
        AccessWindow window;
        if (pass.Used == false)
        {
            window = new AccessWindow(null, expiry);
        }
        else if (pass.UsedDate is { } usedDate)
        {
            var (dayStart, dayEnd) = location.Calendar.PassDayOf(usedDate);
            window = new AccessWindow(dayStart, dayEnd).EndingNoLaterThan(expiry);
        }
        else
        {
            return [];
        }

        var grant = new TimePassGrant
        {
            BusinessId = location.BusinessId,
            CoworkerTimePassId = pass.Id,
            TimePassId = definition,
            UsedDate = pass.Used == false ? null : pass.UsedDate,
            ValidUntil = window.End,
        };
        return location.GroupsOfPass(definition).Select(group => new Entitlement(group.SiteId, group.GroupId, holder, window, grant));
    }

    private static DateTimeOffset? Expiry(CoworkerTimePass pass, LinkedLocation location)
    {
        if (pass.ExpireDate is not { } expireDate || !location.Policy.PassExpireDateIsLocal)
        {
            return pass.ExpireDate;
        }

        // The value was read as UTC; its clock digits are the location's wall clock.
        return location.Calendar.ToInstant(new DateTime(expireDate.UtcTicks, DateTimeKind.Unspecified));
    }
}
