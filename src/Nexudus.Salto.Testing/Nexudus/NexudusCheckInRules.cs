using System.Text.Json.Nodes;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// The business rules of <c>POST /api/spaces/checkins</c>: a customer needs a
/// valid pass or an active contract at the location, else the write fails with HTTP 200 and
/// <c>WasSuccessful: false</c>, naming <c>CoworkerId</c> in <c>Errors</c>. A check-in on a pass marks the pass used and checked in; closing
/// the check-in clears <c>CheckedIn</c>. An open check-in (no <c>ToTime</c>) must be dated today at the location:
/// one dated another day fails with a generic 400, as the live service answers.
/// </summary>
internal sealed class NexudusCheckInRules
{
    private readonly NexudusStore _store;
    private readonly NexudusWire _wire;

    public NexudusCheckInRules(NexudusStore store, NexudusWire wire)
    {
        _store = store;
        _wire = wire;
    }

    /// <summary>The live service's answer to an open check-in dated another day: a generic message that names no field.</summary>
    internal const string GenericFailure = "Ooops! There was a problem while running this action. Please try again later or contact support.";

    /// <summary>Decides a check-in create.</summary>
    /// <param name="checkIn">The check-in to create.</param>
    /// <param name="requirePassOrContract">Whether the customer needs a valid pass or an active contract.</param>
    /// <param name="openOnlyTodayAt">Now, when an open check-in must be dated today; <see langword="null"/> for any day.</param>
    public (CheckIn? CheckIn, NexudusResponse? Failure) Admit(CheckIn checkIn, bool requirePassOrContract, DateTimeOffset? openOnlyTodayAt = null)
    {
        if (openOnlyTodayAt is { } now && checkIn.ToTime is null && checkIn.FromTime is { } from)
        {
            var location = _store.Get<Business>(checkIn.BusinessId ?? 0)?.SimpleTimeZoneId is { } id ? _wire.ZoneById(id) : TimeZoneInfo.Utc;
            if (LocalDay(from, location) != LocalDay(now, location))
            {
                return (null, NexudusResponse.FromJson(400, NexudusRequestHandler.Envelope(400, GenericFailure, value: null, errors: null, succeeded: false, updatedOn: null)));
            }
        }

        if (checkIn.CoworkerId is not { } coworkerId)
        {
            return (checkIn, null);
        }

        if (_store.Get<Coworker>(coworkerId) is not { } coworker)
        {
            return (null, Failed(400, coworkerId, $"Customer {coworkerId} does not exist."));
        }

        if (!requirePassOrContract)
        {
            return (checkIn, null);
        }

        var businessId = checkIn.BusinessId ?? 0;
        var at = checkIn.FromTime ?? default;
        var zone = _store.Get<Business>(businessId)?.SimpleTimeZoneId is { } zoneId ? _wire.ZoneById(zoneId) : TimeZoneInfo.Utc;
        if (HasActiveContract(coworker, businessId, at, zone))
        {
            return (checkIn, null);
        }

        var pass = _store.All<CoworkerTimePass>()
            .Where(p => p.CoworkerId == coworkerId && (p.BusinessId is null || p.BusinessId == businessId) && IsValid(p, at, zone))
            .OrderBy(p => p.Used == true ? 0 : 1) // a pass already used today before a fresh one
            .ThenBy(p => p.ExpireDate ?? DateTimeOffset.MaxValue)
            .FirstOrDefault();
        if (pass is null)
        {
            return (null, Failed(200, coworkerId, $"{coworker.FullName} does not have a valid pass or plan to check in at this location."));
        }

        return (checkIn with { CoworkerTimePassGuid = pass.UniqueId }, null);
    }

    public void Opened(CheckIn checkIn) =>
        UpdatePass(checkIn, pass => pass with
        {
            Used = true,
            UsedDate = pass.UsedDate ?? checkIn.FromTime,
            CheckedIn = checkIn.ToTime is null,
        });

    public void Updated(CheckIn before, CheckIn after)
    {
        if (before.ToTime is null && after.ToTime is not null)
        {
            UpdatePass(before, pass => pass with { CheckedIn = false });
        }
    }

    private void UpdatePass(CheckIn checkIn, Func<CoworkerTimePass, CoworkerTimePass> change)
    {
        if (checkIn.CoworkerTimePassGuid is not { } guid)
        {
            return;
        }

        _store.Locked(s =>
        {
            if (s.All<CoworkerTimePass>().FirstOrDefault(p => p.UniqueId == guid) is { } pass)
            {
                s.Put(change(pass));
            }

            return 0;
        });
    }

    private bool HasActiveContract(Coworker coworker, long businessId, DateTimeOffset at, TimeZoneInfo zone) =>
        _store.All<CoworkerContract>().Any(c =>
            c.CoworkerId == coworker.Id &&
            c.Active == true &&
            c.InPausedPeriod != true &&
            (c.StartDate is null || c.StartDate <= at) &&
            (c.CancellationDate is not { } last || LocalDay(at, zone) <= LocalDay(last, zone)) &&
            ContractLocation(c, coworker) is var location && (location is null || location == businessId));

    private long? ContractLocation(CoworkerContract contract, Coworker coworker) =>
        (contract.TariffId is { } tariffId ? _store.Get<Tariff>(tariffId)?.BusinessId : null) ?? coworker.InvoicingBusinessId;

    private static bool IsValid(CoworkerTimePass pass, DateTimeOffset at, TimeZoneInfo zone) =>
        (pass.ExpireDate is null || pass.ExpireDate > at) &&
        (pass.RemainingUses is null || pass.RemainingUses > 0) &&
        (pass.Used != true || (pass.UsedDate is { } used && LocalDay(used, zone) == LocalDay(at, zone)));

    private static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// A refused check-in in the write envelope: <c>Message</c> as
    /// <c>PropertyName: message</c> and the same error in <c>Errors</c>, on the customer.
    /// </summary>
    private static NexudusResponse Failed(int status, long coworkerId, string message)
    {
        var errors = new JsonArray { new JsonObject { ["AttemptedValue"] = coworkerId, ["Message"] = message, ["PropertyName"] = "CoworkerId" } };
        return NexudusResponse.FromJson(status, NexudusRequestHandler.Envelope(status, $"CoworkerId: {message}", value: null, errors, succeeded: false, updatedOn: null));
    }
}
