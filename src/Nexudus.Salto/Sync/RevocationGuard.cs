using System.Globalization;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Decides whether a run's removals are held: when they exceed <c>MaxRevocations</c> across the
/// run or <c>MaxRevocationPercent</c> of a site's managed memberships, or when a read failed or came back
/// suspiciously empty. Held means every removal of the run waits; additions still apply. Pure.
/// </summary>
/// <remarks>
/// The operator's override (<c>AllowMassRevocation</c>) releases removals held by the limits, by a failed
/// SALTO read (the groups that could not be read are left out of the plan anyway) and by a suspiciously empty
/// read. It never releases removals after a failed Nexudus read: the entitlements are then computed from
/// incomplete data and would revoke people who are entitled.
/// </remarks>
internal static class RevocationGuard
{
    /// <summary>Judges the run's plans.</summary>
    /// <param name="plans">Every site's plan.</param>
    /// <param name="safety">The limits.</param>
    /// <param name="allowMassRevocation">The operator's override.</param>
    /// <param name="signals">What the reads tell.</param>
    /// <returns>The decision, with every rule that tripped.</returns>
    public static RevocationDecision Evaluate(IReadOnlyList<AccessPlan> plans, RevocationSafety safety, bool allowMassRevocation, GuardSignals signals)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(safety);
        ArgumentNullException.ThrowIfNull(signals);
        var removals = plans.Sum(p => p.Removals.Count);
        var reasons = new List<RevocationHoldReason>();
        var details = new List<string>();

        if (removals > safety.MaxRevocations)
        {
            reasons.Add(RevocationHoldReason.TooManyRevocations);
            details.Add(Text($"The run would remove {removals} members, more than MaxRevocations ({safety.MaxRevocations})."));
        }

        foreach (var plan in plans.Where(p => p.Removals.Count > 0).OrderBy(p => p.SiteId, StringComparer.Ordinal))
        {
            var percent = plan.ManagedMembershipCount == 0 ? 100d : plan.Removals.Count * 100d / plan.ManagedMembershipCount;
            if (percent > safety.MaxRevocationPercent)
            {
                if (!reasons.Contains(RevocationHoldReason.RevocationPercentExceeded))
                {
                    reasons.Add(RevocationHoldReason.RevocationPercentExceeded);
                }

                details.Add(Text($"Site {plan.SiteId} would lose {plan.Removals.Count} of its {plan.ManagedMembershipCount} managed memberships ({percent:0.#} %), more than MaxRevocationPercent ({safety.MaxRevocationPercent:0.#} %)."));
            }
        }

        if (signals.NexudusReadFailed)
        {
            reasons.Add(RevocationHoldReason.NexudusReadFailed);
            details.Add("A Nexudus read failed, so the entitlements may be incomplete; removals wait for a run whose reads all succeed.");
        }

        if (signals.SaltoReadFailed)
        {
            reasons.Add(RevocationHoldReason.SaltoReadFailed);
            details.Add("A SALTO KS read failed; removals wait for a run whose reads all succeed.");
        }

        if (signals.SuspiciousReads.Count > 0)
        {
            reasons.Add(RevocationHoldReason.SuspiciouslyEmptyRead);
            details.AddRange(signals.SuspiciousReads);
        }

        var tripped = reasons.Count > 0 && removals > 0;
        var releasable = !signals.NexudusReadFailed;
        return new RevocationDecision
        {
            RemovalsHeld = tripped && !(allowMassRevocation && releasable),
            Overridden = tripped && allowMassRevocation && releasable,
            Reasons = reasons,
            PlannedRemovals = removals,
            Details = details,
        };
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
