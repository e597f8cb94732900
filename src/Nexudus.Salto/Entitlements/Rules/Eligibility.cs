using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// Who may have access at all. A customer is eligible only when Nexudus says they are active and
/// not archived; a missing value is not eligible, and a customer listed more than once is eligible
/// only when every record says so. An ineligible customer gets nothing, whatever they hold: no
/// pass, contract, team seat or booking access.
/// </summary>
internal sealed class Eligibility
{
    private readonly HashSet<long> _eligible;

    private Eligibility(HashSet<long> eligible) => _eligible = eligible;

    /// <summary>The eligible customers among <paramref name="coworkers"/>.</summary>
    public static Eligibility Of(IEnumerable<Coworker> coworkers)
    {
        var eligible = coworkers
            .GroupBy(coworker => coworker.Id)
            .Where(records => records.All(coworker => coworker.Active == true && coworker.Archived == false))
            .Select(records => records.Key);
        return new Eligibility([.. eligible]);
    }

    /// <summary>Whether <paramref name="customerId"/> is a known, active, unarchived customer.</summary>
    public bool IsEligible(long customerId) => _eligible.Contains(customerId);

    /// <summary>Whether <paramref name="customerId"/> is known and eligible; a missing id never is.</summary>
    public bool IsEligible(long? customerId) => customerId is { } id && IsEligible(id);
}
