namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// How SALTO KS reads a time schedule's <c>start_date</c> and <c>end_date</c>, which is unconfirmed: as instants, or
/// as the wall clock of the site's <c>time_zone</c>.
/// </summary>
/// <remarks>
/// Either way, <see cref="TimeScheduleRequest"/> and <see cref="TimeSchedule"/> carry instants; this setting only
/// decides how they are written and read on the wire. Pick the one your tenant follows: the wrong one moves every
/// booking window by the site's UTC offset.
/// </remarks>
public enum SaltoKsScheduleDateMode
{
    /// <summary>Dates are instants: written in UTC with <c>Z</c> (e.g. <c>2025-03-04T09:00:00Z</c>) and read as instants.</summary>
    Utc = 0,

    /// <summary>
    /// Dates are the site's wall clock: each instant is written as the site's local date and time without an offset
    /// (e.g. <c>2025-03-04T10:00:00</c> in Madrid), and dates SALTO KS returns are read on that clock, whatever
    /// suffix they carry. The site's <c>time_zone</c> is read once per client with <c>GET sites/{site_id}</c>.
    /// </summary>
    SiteLocal = 1,
}
