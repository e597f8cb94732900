using System.ComponentModel.DataAnnotations;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The removal guard, bound from <c>SaltoIntegration:Safety</c>: a run that would revoke more access
/// than this holds its removals back (adds still apply) and ends with a distinct result, so a bad
/// read or a wrong link cannot lock a building's members out in one go.
/// </summary>
public sealed class SaltoSafetyOptions
{
    /// <summary>Gets or sets the most removals one run may apply on one site.</summary>
    /// <value>25. Zero holds every removal for an operator's review.</value>
    public int MaxRevocations { get; set; } = 25;

    /// <summary>Gets or sets the largest share of a site's managed memberships one run may remove, in percent.</summary>
    /// <value>20 (percent); between 0 and 100.</value>
    [Range(0d, 100d)]
    public double MaxRevocationPercent { get; set; } = 20;
}
