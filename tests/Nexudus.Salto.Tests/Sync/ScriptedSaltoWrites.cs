using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Sync;

/// <summary>
/// A SALTO KS client for the write paths of the sync engine: user creations, bulk membership changes and tag
/// changes succeed (unless <see cref="Fail"/> says otherwise), every call is logged to a shared
/// <see cref="EventLog"/>, and each call can be held (<see cref="Hold"/>) to make calls overlap or finish in a chosen
/// order. It counts the calls in flight and keeps the largest count seen. Every other member throws.
/// </summary>
internal sealed class ScriptedSaltoWrites(ConcurrentQueue<string>? log = null) : ISaltoKsClient
{
    private readonly Lock _counts = new();
    private int _inFlight;
    private int _maxInFlight;
    private TaskCompletionSource? _gate;
    private int _gateAt;

    /// <summary>Gets every call and store write, in the order they started.</summary>
    public ConcurrentQueue<string> EventLog { get; } = log ?? new ConcurrentQueue<string>();

    /// <summary>Gets the calls in the order they returned.</summary>
    public ConcurrentQueue<string> Returned { get; } = new();

    /// <summary>Gets the largest number of calls that were in flight at once.</summary>
    public int MaxInFlight
    {
        get
        {
            lock (_counts)
            {
                return _maxInFlight;
            }
        }
    }

    /// <summary>Gets or sets what each call awaits (by its log line) once it counts as in flight.</summary>
    public Func<string, Task>? Hold { get; set; }

    /// <summary>Gets or sets what runs once a call has returned (by its log line).</summary>
    public Action<string>? AfterReturn { get; set; }

    /// <summary>Gets or sets the failure of a call (by its log line), thrown after it was held.</summary>
    public Func<string, Exception?>? Fail { get; set; }

    /// <summary>Holds every call until <paramref name="count"/> calls are in flight together, then lets them all go.</summary>
    public void HoldUntilInFlight(int count)
    {
        _gateAt = count;
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public static string CreateLine(string email) => $"create {email}";

    public static string PatchLine(string group, IEnumerable<PlatformUserId> adds, IEnumerable<PlatformUserId> removes) =>
        $"patch {group} +[{string.Join(",", adds.Select(a => a.Value))}] -[{string.Join(",", removes.Select(r => r.Value))}]";

    public Task<SiteUserCreateResult> CreateSiteUserAsync(string siteId, SiteUserCreateRequest request, SiteUserCreateLookup lookup, CancellationToken cancellationToken = default) =>
        CallAsync(CreateLine(request.Email!), () => new SiteUserCreateResult
        {
            User = new SiteUser { Id = new SiteUserId($"su-{request.Email}"), User = new SaltoUser { Id = new PlatformUserId($"pu-{request.Email}"), Email = request.Email } },
            Outcome = SiteUserCreateOutcome.Created,
        }, cancellationToken);

    public Task<SiteUserCreateResult> CreateSiteUserAsync(string siteId, SiteUserCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateSiteUserAsync(siteId, request, SiteUserCreateLookup.OnlyAfterUncertainCreate, cancellationToken);

    public Task<AccessGroupMembersChangeResult> ChangeAccessGroupMembersAsync(string siteId, string accessGroupId, AccessGroupUsersChange change, CancellationToken cancellationToken = default) =>
        CallAsync(PatchLine(accessGroupId, change.AddIds, change.RemoveIds), () => new AccessGroupMembersChangeResult
        {
            Chunks = [new AccessGroupMembersChunkResult { AddIds = change.AddIds, RemoveIds = change.RemoveIds }],
        }, cancellationToken);

    public Task AssignTagAsync(string siteId, SiteUserId siteUserId, string tagId, CancellationToken cancellationToken = default) =>
        CallAsync($"assign {siteUserId.Value} {tagId}", () => true, cancellationToken);

    public Task<bool> UnassignTagAsync(string siteId, SiteUserId siteUserId, string tagId, CancellationToken cancellationToken = default) =>
        CallAsync($"unassign {siteUserId.Value} {tagId}", () => true, cancellationToken);

    private async Task<T> CallAsync<T>(string line, Func<T> answer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EventLog.Enqueue(line);
        int inFlight;
        lock (_counts)
        {
            inFlight = ++_inFlight;
            _maxInFlight = Math.Max(_maxInFlight, inFlight);
        }

        try
        {

            if (_gate is { } gate)
            {
                if (inFlight >= _gateAt)
                {
                    gate.TrySetResult();
                }

                await gate.Task;
            }

            await Task.Yield(); // return on another turn, as a real call would
            if (Hold is { } hold)
            {
                await hold(line);
            }

            if (Fail?.Invoke(line) is { } failure)
            {
                throw failure;
            }

            return answer();
        }
        finally
        {
            lock (_counts)
            {
                _inFlight--;
            }

            Returned.Enqueue(line);
            AfterReturn?.Invoke(line);
        }
    }

    // Nothing below is used by the write paths.
    public IAsyncEnumerable<Site> GetSitesAsync(CancellationToken cancellationToken = default) => throw Unused();

    public Task<Site> GetSiteAsync(string siteId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<SiteSubscription> GetSiteSubscriptionAsync(string siteId, CancellationToken cancellationToken = default) => throw Unused();

    public IAsyncEnumerable<Role> GetRolesAsync(string siteId, CancellationToken cancellationToken = default) => throw Unused();

    public IAsyncEnumerable<SiteUser> GetSiteUsersAsync(string siteId, SaltoKsListQuery? query = null, CancellationToken cancellationToken = default) => throw Unused();

    public Task<IReadOnlyList<SiteUser>> FindSiteUsersByEmailAsync(string siteId, string email, CancellationToken cancellationToken = default) => throw Unused();

    public Task<SiteUser> GetSiteUserAsync(string siteId, SiteUserId siteUserId, CancellationToken cancellationToken = default) => throw Unused();

    public Task UpdateSiteUserAsync(string siteId, SiteUserId siteUserId, SiteUserUpdateRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task SetSiteUserSubscriptionAsync(string siteId, SiteUserId siteUserId, SubscriptionState state, CancellationToken cancellationToken = default) => throw Unused();

    public Task<bool> DeleteSiteUserAsync(string siteId, SiteUserId siteUserId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<SiteUser> CreateGuestAsync(string siteId, GuestCreateRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task<string> IssuePinAsync(string siteId, SiteUserId siteUserId, DateTimeOffset? expiryDate = null, CancellationToken cancellationToken = default) => throw Unused();

    public IAsyncEnumerable<AccessGroup> GetAccessGroupsAsync(string siteId, SaltoKsListQuery? query = null, CancellationToken cancellationToken = default) => throw Unused();

    public Task<AccessGroup> GetAccessGroupAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<AccessGroup> CreateAccessGroupAsync(string siteId, AccessGroupCreateRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task<bool> DeleteAccessGroupAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default) => throw Unused();

    public IAsyncEnumerable<AccessGroupMember> GetAccessGroupMembersAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default) => throw Unused();

    public Task AddAccessGroupMemberAsync(string siteId, string accessGroupId, PlatformUserId userId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<bool> RemoveAccessGroupMemberAsync(string siteId, string accessGroupId, PlatformUserId userId, CancellationToken cancellationToken = default) => throw Unused();

    public IAsyncEnumerable<SaltoLock> GetAccessGroupLocksAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default) => throw Unused();

    public Task ChangeAccessGroupLocksAsync(string siteId, string accessGroupId, AccessGroupLocksChange change, CancellationToken cancellationToken = default) => throw Unused();

    public IAsyncEnumerable<TimeSchedule> GetTimeSchedulesAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<TimeSchedule> CreateTimeScheduleAsync(string siteId, string accessGroupId, TimeScheduleRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task UpdateTimeScheduleAsync(string siteId, string accessGroupId, string timeScheduleId, TimeScheduleRequest request, CancellationToken cancellationToken = default) =>
        throw Unused();

    public Task<bool> DeleteTimeScheduleAsync(string siteId, string accessGroupId, string timeScheduleId, CancellationToken cancellationToken = default) => throw Unused();

    public IAsyncEnumerable<SaltoLock> GetLocksAsync(string siteId, SaltoKsListQuery? query = null, CancellationToken cancellationToken = default) => throw Unused();

    public IAsyncEnumerable<Tag> GetTagsAsync(string siteId, CancellationToken cancellationToken = default) => throw Unused();

    public IAsyncEnumerable<Entry> GetEntriesAsync(string siteId, SaltoKsEntryQuery? query = null, CancellationToken cancellationToken = default) => throw Unused();

    public Task<SaltoKsContinuationPage<Entry>> GetEntriesPageAsync(string siteId, SaltoKsEntryQuery? query = null, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        throw Unused();

    private static NotSupportedException Unused([CallerMemberName] string member = "") => new($"{member} is not part of the write paths under test.");
}
