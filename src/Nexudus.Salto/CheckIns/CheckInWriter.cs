using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.CheckIns;

/// <summary>
/// The Nexudus side of the check-in bridge: creates and closes check-ins, and never creates one blindly. Before every
/// create the customer's recent check-ins at the location are read; a create that may have been written (a timeout, a
/// dropped connection, an unreadable answer) is followed by another look, and only when the check-in is not there is
/// it tried again, up to <see cref="CheckInBridgeOptions.MaxCreateAttempts"/>.
/// </summary>
/// <remarks>
/// Business-rule refusals (no valid pass) are a final <see cref="CheckInOutcome.Refused"/>; throttling and
/// authentication failures (certainly not written) are <see cref="CheckInOutcome.Deferred"/> for the next run.
/// </remarks>
internal sealed class CheckInWriter(INexudusClient nexudus, CheckInBridgeOptions options, ILogger logger)
{
    /// <summary>
    /// Writes the check-in of an opening (closed at <paramref name="until"/> when given), unless the customer already
    /// has one open at the location; a create with an unknown outcome is followed by a look before any retry.
    /// </summary>
    public async Task<CheckInEntryResult> CheckInAsync(
        CheckInEntryResult result, long businessId, long customerId, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var at = result.OccurredAt;
        var match = CheckInMatcher.ForCheckIn(await FindCheckInsAsync(businessId, customerId, at, cancellationToken).ConfigureAwait(false), at);
        for (var attempt = 1; match.Kind == CheckInMatchKind.None; attempt++)
        {
            try
            {
                var id = await nexudus.CreateCheckInAsync(
                    new CheckIn { BusinessId = businessId, CoworkerId = customerId, FromTime = at, ToTime = until },
                    cancellationToken).ConfigureAwait(false);
                CheckInLog.CheckedIn(logger, customerId, businessId, id, result.EntryId);
                return result with { Outcome = until is null ? CheckInOutcome.CheckedIn : CheckInOutcome.CheckedInAndOut, CheckInId = id };
            }
            catch (NexudusValidationException ex)
            {
                // "No valid pass" and other business rules: final for this entry, and never fatal.
                CheckInLog.Refused(logger, customerId, businessId, result.EntryId, ex.Message);
                return result with { Outcome = CheckInOutcome.Refused, Reason = ex.Message };
            }
            catch (NexudusApiException ex) when (ex is NexudusThrottledException or NexudusAuthenticationException)
            {
                // Certainly not written; the next run tries again.
                return result with { Outcome = CheckInOutcome.Deferred, Reason = ex.Message };
            }
            catch (NexudusApiException ex)
            {
                // Perhaps written (a timeout, a dropped connection, an unreadable answer): look before any retry.
                CheckInLog.CreateUncertain(logger, result.EntryId, ex.Message);
                match = CheckInMatcher.ForCheckIn(await FindCheckInsAsync(businessId, customerId, at, cancellationToken).ConfigureAwait(false), at);
                if (match.Kind == CheckInMatchKind.None && attempt >= options.MaxCreateAttempts)
                {
                    return result with { Outcome = CheckInOutcome.Deferred, Reason = $"the check-in create failed {attempt} times without a clear answer: {ex.Message}" };
                }
            }
        }

        if (match.Kind == CheckInMatchKind.Recovered)
        {
            CheckInLog.Recovered(logger, result.EntryId, match.CheckInId);
            return result with { Outcome = CheckInOutcome.Recovered, CheckInId = match.CheckInId };
        }

        return result with { Outcome = CheckInOutcome.AlreadyCheckedIn, CheckInId = match.CheckInId };
    }

    /// <summary>Closes the customer's open check-in at the location, if there is one.</summary>
    public async Task<CheckInEntryResult> CheckOutAsync(CheckInEntryResult result, long businessId, long customerId, CancellationToken cancellationToken)
    {
        var at = result.OccurredAt;
        var match = CheckInMatcher.ForCheckOut(await FindCheckInsAsync(businessId, customerId, at, cancellationToken).ConfigureAwait(false), at);
        switch (match.Kind)
        {
            case CheckInMatchKind.Recovered:
                CheckInLog.Recovered(logger, result.EntryId, match.CheckInId);
                return result with { Outcome = CheckInOutcome.Recovered, CheckInId = match.CheckInId };
            case CheckInMatchKind.None:
                return result with { Outcome = CheckInOutcome.NoOpenCheckIn };
        }

        var checkInId = match.CheckInId!.Value;
        try
        {
            // A PUT of the full record: repeating it is harmless, so the client may retry it.
            await nexudus.CloseCheckInAsync(checkInId, at, cancellationToken).ConfigureAwait(false);
        }
        catch (NexudusValidationException ex)
        {
            CheckInLog.Refused(logger, customerId, businessId, result.EntryId, ex.Message);
            return result with { Outcome = CheckInOutcome.Refused, CheckInId = checkInId, Reason = ex.Message };
        }

        CheckInLog.CheckedOut(logger, customerId, checkInId, result.EntryId);
        return result with { Outcome = CheckInOutcome.CheckedOut, CheckInId = checkInId };
    }

    private async Task<IReadOnlyList<CheckIn>> FindCheckInsAsync(long businessId, long customerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var query = new CheckInQuery
        {
            BusinessId = businessId,
            CoworkerId = customerId,
            FromTime = NexudusDateRange.Since(at - options.OpenCheckInSearchWindow),
        };
        var checkIns = new List<CheckIn>();
        await foreach (var checkIn in nexudus.ListCheckInsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            // The filters are the service's to honour; these are the ones this decision relies on.
            if ((checkIn.BusinessId ?? businessId) == businessId && (checkIn.CoworkerId ?? customerId) == customerId)
            {
                checkIns.Add(checkIn);
            }
        }

        return checkIns;
    }
}
