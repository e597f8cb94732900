using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Membership <c>PATCH</c> halving and learning: cuts one membership change into calls of the current size, sends a
/// call SALTO KS rejects as a whole (for its size or for one bad id) again in halves so the rest still lands, and
/// lowers the shared <see cref="SaltoKsMembershipChunkSize"/> when both halves of a rejected call are accepted.
/// </summary>
/// <remarks>One failed call never stops the others: each is an independent set operation, reported in its own chunk result.</remarks>
internal sealed class SaltoKsMembershipSplitter(SaltoKsMembershipChunkSize chunkSize, SaltoKsClientOptions options, ILogger logger)
{
    /// <summary>Sends a change whose ids are already distinct and checked.</summary>
    /// <param name="siteId">The site, for the log.</param>
    /// <param name="accessGroupId">The access group, for the log.</param>
    /// <param name="adds">The platform user ids to add.</param>
    /// <param name="removes">The platform user ids to remove.</param>
    /// <param name="send">Sends one call; it throws when SALTO KS does not accept it.</param>
    /// <param name="cancellationToken">Cancels the change; calls not yet sent are not sent.</param>
    /// <returns>The chunk results, in the order made, and how many calls went out (split ones included).</returns>
    public async Task<(AccessGroupMembersChangeResult Result, int Calls)> ChangeAsync(
        string siteId,
        string accessGroupId,
        List<PlatformUserId> adds,
        List<PlatformUserId> removes,
        Func<AccessGroupUsersChange, CancellationToken, Task> send,
        CancellationToken cancellationToken)
    {
        var run = new Run(siteId, accessGroupId, send);
        await SendPiecesAsync(run, adds, removes, cancellationToken).ConfigureAwait(false);
        return (new AccessGroupMembersChangeResult { Chunks = run.Results }, run.Calls);
    }

    // Cuts the ids into calls of the current size, read again before each call so a size learned on the way applies at once.
    private async Task SendPiecesAsync(Run run, List<PlatformUserId> adds, List<PlatformUserId> removes, CancellationToken cancellationToken)
    {
        int addsSent = 0, removesSent = 0;
        while (addsSent < adds.Count || removesSent < removes.Count)
        {
            int size = chunkSize.Current(options.MembershipChunkSize);
            List<PlatformUserId> pieceAdds = adds.GetRange(addsSent, Math.Min(size, adds.Count - addsSent));
            List<PlatformUserId> pieceRemoves = removes.GetRange(removesSent, Math.Min(size, removes.Count - removesSent));
            addsSent += pieceAdds.Count;
            removesSent += pieceRemoves.Count;
            await SendCallAsync(run, pieceAdds, pieceRemoves, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends one membership call; when SALTO KS rejects it as a whole for its size or for one bad id, sends each
    /// half instead, so the rest of the change still lands.
    /// </summary>
    /// <returns><see langword="true"/> when SALTO KS accepted this very call (not only its halves).</returns>
    private async Task<bool> SendCallAsync(Run run, List<PlatformUserId> adds, List<PlatformUserId> removes, CancellationToken cancellationToken)
    {
        if (Math.Max(adds.Count, removes.Count) > chunkSize.Current(options.MembershipChunkSize))
        {
            // A smaller size was learned since this part was cut: sending it whole would only be rejected again.
            await SendPiecesAsync(run, adds, removes, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var body = new AccessGroupUsersChange { AddIds = [.. adds], RemoveIds = [.. removes] };
        int call = ++run.Calls;
        try
        {
            await run.Send(body, cancellationToken).ConfigureAwait(false);
            run.AnyAccepted = true;
            run.Results.Add(new AccessGroupMembersChunkResult { AddIds = body.AddIds, RemoveIds = body.RemoveIds });
            return true;
        }
        catch (SaltoKsApiException ex) when (adds.Count + removes.Count > 1 && IsRejectedAsAWhole(ex, run))
        {
            SaltoKsLog.MembershipCallSplit(logger, run.AccessGroupId, run.SiteId, ex.Status, ex.ErrorCode, adds.Count, removes.Count);

            // Each list is halved (the first half takes the odd add, the second the odd remove), so both halves hold an id.
            int firstAdds = (adds.Count + 1) / 2, firstRemoves = removes.Count / 2;
            List<PlatformUserId> adds1 = adds.GetRange(0, firstAdds), adds2 = adds.GetRange(firstAdds, adds.Count - firstAdds);
            List<PlatformUserId> removes1 = removes.GetRange(0, firstRemoves), removes2 = removes.GetRange(firstRemoves, removes.Count - firstRemoves);
            bool first = await SendCallAsync(run, adds1, removes1, cancellationToken).ConfigureAwait(false);
            bool second = await SendCallAsync(run, adds2, removes2, cancellationToken).ConfigureAwait(false);

            // Both halves accepted as they were: the content was fine, so the size was the problem.
            int half = Math.Max(Math.Max(adds1.Count, adds2.Count), Math.Max(removes1.Count, removes2.Count));
            if (first && second && chunkSize.TryLower(half))
            {
                SaltoKsLog.MembershipChunkSizeLearned(logger, half, ex.Status, ex.ErrorCode);
            }

            return false;
        }
        catch (Exception ex) when (ex is SaltoKsApiException or HttpRequestException or TimeoutRejectedException ||
                                   (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // One failed call must not stop the others: each is an independent set operation.
            SaltoKsLog.MembershipCallFailed(logger, call, run.AccessGroupId, run.SiteId, adds.Count, removes.Count, ex);
            if (adds.Count + removes.Count == 1 && IsUserNotFound(ex))
            {
                run.NotFoundAlone++;
            }

            run.Results.Add(new AccessGroupMembersChunkResult { AddIds = body.AddIds, RemoveIds = body.RemoveIds, Error = ex });
            return false;
        }
    }

    // Rejections that say nothing about whether SALTO KS would take part of the call: too large (413, or a 400 of
    // any code), or one unknown user failing all of it (404 2202). Timeouts, network failures, 401/403, 429 and 5xx
    // are left to the resilience pipeline: their outcome may be unknown, and a smaller call would not help.
    private static bool IsRejectedAsAWhole(SaltoKsApiException exception, Run run) => exception.Status switch
    {
        413 or 400 => true,

        // A group SALTO KS cannot find answers 404 2202 to every call: once two single ids have failed so before any
        // part of the change was accepted, splitting further would cost about two calls per id for nothing.
        404 => IsUserNotFound(exception) && (run.AnyAccepted || run.NotFoundAlone < 2),
        _ => false,
    };

    private static bool IsUserNotFound(Exception exception) =>
        exception is SaltoKsApiException { Status: 404, ErrorCode: SaltoKsErrorMapper.NotFoundCode };

    /// <summary>The state of one change across its (possibly split) calls.</summary>
    private sealed class Run(string siteId, string accessGroupId, Func<AccessGroupUsersChange, CancellationToken, Task> send)
    {
        public string SiteId { get; } = siteId;

        public string AccessGroupId { get; } = accessGroupId;

        public Func<AccessGroupUsersChange, CancellationToken, Task> Send { get; } = send;

        /// <summary>Gets the outcome of each call whose outcome is final, in the order made; a call that was split is not one.</summary>
        public List<AccessGroupMembersChunkResult> Results { get; } = [];

        /// <summary>Gets or sets how many calls went out, split ones included.</summary>
        public int Calls { get; set; }

        /// <summary>Gets or sets whether SALTO KS accepted any call of the change.</summary>
        public bool AnyAccepted { get; set; }

        /// <summary>Gets or sets how many calls of a single id failed with 404 <c>2202</c>.</summary>
        public int NotFoundAlone { get; set; }
    }
}
