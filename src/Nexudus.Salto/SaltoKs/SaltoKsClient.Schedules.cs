namespace Nexudus.Salto.SaltoKs;

// Time schedules of an access group; how their dates travel (UTC or the site's wall clock) is SaltoKsScheduleDates.
public partial class SaltoKsClient
{
    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// <see cref="SaltoKsClientOptions.ScheduleDates"/> is <see cref="SaltoKsScheduleDateMode.SiteLocal"/> and the
    /// site's <c>time_zone</c> is missing or unknown to this machine.
    /// </exception>
    public virtual IAsyncEnumerable<TimeSchedule> GetTimeSchedulesAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default)
    {
        IAsyncEnumerable<TimeSchedule> schedules = ListAsync(
            GroupRoute(Versions.TimeSchedules, siteId, accessGroupId).Literal("time_schedules"), SaltoKsJsonContext.Default.TimeSchedule, cancellationToken);
        return _scheduleDates.FromService(siteId, schedules, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// <see cref="SaltoKsClientOptions.ScheduleDates"/> is <see cref="SaltoKsScheduleDateMode.SiteLocal"/> and the
    /// site's <c>time_zone</c> is missing or unknown to this machine; nothing is sent.
    /// </exception>
    public virtual async Task<TimeSchedule> CreateTimeScheduleAsync(string siteId, string accessGroupId, TimeScheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SaltoKsRoute route = GroupRoute(Versions.TimeSchedules, siteId, accessGroupId).Literal("time_schedules");
        TimeZoneInfo? siteZone = await _scheduleDates.ZoneAsync(siteId, cancellationToken).ConfigureAwait(false);
        using HttpResponseMessage response = await SendAsync(
            HttpMethod.Post, route, SaltoKsScheduleDates.Content(request, siteZone), retryable: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        TimeSchedule created = await ReadAsync(response, route, SaltoKsJsonContext.Default.TimeSchedule, cancellationToken).ConfigureAwait(false);
        return siteZone is null ? created : SaltoKsScheduleDates.FromSiteWallClock(created, siteZone);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// <see cref="SaltoKsClientOptions.ScheduleDates"/> is <see cref="SaltoKsScheduleDateMode.SiteLocal"/> and the
    /// site's <c>time_zone</c> is missing or unknown to this machine; nothing is sent.
    /// </exception>
    public virtual async Task UpdateTimeScheduleAsync(
        string siteId, string accessGroupId, string timeScheduleId, TimeScheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SaltoKsRoute route = GroupRoute(Versions.TimeSchedules, siteId, accessGroupId).Literal("time_schedules").Id(timeScheduleId, nameof(timeScheduleId));
        TimeZoneInfo? siteZone = await _scheduleDates.ZoneAsync(siteId, cancellationToken).ConfigureAwait(false);
        await SendAndForgetAsync(HttpMethod.Patch, route, SaltoKsScheduleDates.Content(request, siteZone), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual Task<bool> DeleteTimeScheduleAsync(string siteId, string accessGroupId, string timeScheduleId, CancellationToken cancellationToken = default) =>
        DeleteAsync(
            GroupRoute(Versions.TimeSchedules, siteId, accessGroupId).Literal("time_schedules").Id(timeScheduleId, nameof(timeScheduleId)),
            createdAt: null,
            cancellationToken);
}
