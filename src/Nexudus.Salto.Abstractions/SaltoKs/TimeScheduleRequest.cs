using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The body of <c>POST</c> and <c>PATCH …/access_groups/{access_group_id}/time_schedules[/{id}]</c>.
/// </summary>
/// <remarks>
/// At least one weekday must be set, or SALTO KS answers 400 <c>1101</c>. <see cref="StartDate"/> and
/// <see cref="EndDate"/> are always written, as <c>null</c> when unset, so a PATCH can clear them.
/// Instants are written in UTC with <c>Z</c>.
/// </remarks>
public sealed record TimeScheduleRequest
{
    /// <summary>Gets whether the schedule applies on Mondays.</summary>
    public bool Monday { get; init; }

    /// <summary>Gets whether the schedule applies on Tuesdays.</summary>
    public bool Tuesday { get; init; }

    /// <summary>Gets whether the schedule applies on Wednesdays.</summary>
    public bool Wednesday { get; init; }

    /// <summary>Gets whether the schedule applies on Thursdays.</summary>
    public bool Thursday { get; init; }

    /// <summary>Gets whether the schedule applies on Fridays.</summary>
    public bool Friday { get; init; }

    /// <summary>Gets whether the schedule applies on Saturdays.</summary>
    public bool Saturday { get; init; }

    /// <summary>Gets whether the schedule applies on Sundays.</summary>
    public bool Sunday { get; init; }

    /// <summary>Gets the start of the daily window (<c>HH:mm:ss</c> on the wire).</summary>
    /// <value>Use 00:00:00 with <see cref="EndTime"/> 23:59:59 for one continuous window between the dates.</value>
    public TimeOnly? StartTime { get; init; }

    /// <summary>Gets the end of the daily window (<c>HH:mm:ss</c>); SALTO KS may echo it with <c>:59</c> seconds.</summary>
    public TimeOnly? EndTime { get; init; }

    /// <summary>Gets when the schedule starts to apply.</summary>
    /// <value>
    /// <see langword="null"/> for "at once". A value without an offset is read as UTC; how SALTO KS
    /// relates it to the site's time zone is unconfirmed, so the client's <c>SaltoKsClientOptions.ScheduleDates</c>
    /// decides whether this instant goes on the wire in UTC or on the site's wall clock.
    /// </value>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Gets when the schedule stops applying.</summary>
    /// <value><see langword="null"/> for open-ended. A value without an offset is read as UTC.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? EndDate { get; init; }
}
