using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

// ----- Writes -----
internal sealed partial class NexudusRequestHandler
{
    private async Task<NexudusResponse> CreateAsync(NexudusEntityKind kind, HttpRequest request)
    {
        var (body, invalid) = await ReadBodyAsync(request).ConfigureAwait(false);
        if (invalid is not null)
        {
            return invalid;
        }

        body!.Remove("Id");
        if (Validate(kind, body) is { } failed)
        {
            return failed;
        }

        NexudusEntity record;
        try
        {
            record = _wire.FromWire(kind, body);
        }
        catch (JsonException exception)
        {
            return InvalidBody(exception);
        }

        if (record is BookingVisitor guest)
        {
            // Nexudus links a booking guest to a real visitor and to a booking made by a customer.
            var visitor = _store.Get<Visitor>(guest.VisitorId ?? 0);
            var booking = _store.Get<Booking>(guest.BookingId ?? 0);
            if (visitor is null || booking is null || booking.CoworkerId is null)
            {
                return ValidationFailed([
                    visitor is null
                        ? ("VisitorId", body["VisitorId"], "The visitor was not found.")
                        : ("BookingId", body["BookingId"], "Visitors can only be added to bookings made by a customer."),
                ]);
            }

            record = guest with { VisitorFullName = visitor.FullName, VisitorEmail = visitor.Email };
        }

        if (record is CheckIn checkIn)
        {
            var outcome = _checkins.Admit(checkIn, _options.RequirePassOrContractForCheckIn, _options.OpenCheckInsOnlyToday ? _options.TimeProvider.GetUtcNow() : null);
            if (outcome.Failure is { } failure)
            {
                return failure;
            }

            record = outcome.CheckIn!;
        }

        var stored = _store.Put(record);
        if (stored is CheckIn created)
        {
            _checkins.Opened(created);
        }

        // A write through the API fires the location's webhooks, as one in the dashboard does.
        _webhooks?.Raise(NexudusWebhookDispatcher.ActionOf(stored, NexudusChange.Create), stored);

        return WriteSucceeded(kind, stored, "created", _wire.ToWire(kind, stored));
    }

    private async Task<NexudusResponse> UpdateAsync(NexudusEntityKind kind, HttpRequest request)
    {
        var (body, invalid) = await ReadBodyAsync(request).ConfigureAwait(false);
        if (invalid is not null)
        {
            return invalid;
        }

        if (NexudusWire.ReadLong(body!["Id"]) is not { } id || id == 0)
        {
            return ValidationFailed([("Id", body!["Id"], "The Id field is required.")]);
        }

        if (_store.Get(kind.ClrType, id) is not { } existing)
        {
            return WriteFailed(404, NotFoundMessage(kind, id));
        }

        if (Validate(kind, body) is { } failed)
        {
            return failed;
        }

        NexudusEntity record;
        try
        {
            record = _wire.FromWire(kind, body);
        }
        catch (JsonException exception)
        {
            return InvalidBody(exception);
        }

        // PUT replaces the record: whatever the body leaves out is cleared. Only the
        // identity fields survive.
        var stored = _store.Put(record with { UniqueId = existing.UniqueId, CreatedOn = existing.CreatedOn });
        if (existing is CheckIn before && stored is CheckIn after)
        {
            _checkins.Updated(before, after);
        }

        _webhooks?.Raise(NexudusWebhookDispatcher.ActionOf(stored, NexudusChange.Update), stored);

        return WriteSucceeded(kind, stored, "updated", new JsonObject { ["Id"] = stored.Id });
    }

    private NexudusResponse Delete(NexudusEntityKind kind, long id)
    {
        if (_store.Get(kind.ClrType, id) is not { } existing)
        {
            return WriteFailed(404, NotFoundMessage(kind, id));
        }

        if (existing is Booking booking)
        {
            NexudusBookingCancellation.Cancel(_store, booking, BookingCancellationReason.Integration);
        }
        else
        {
            _store.Remove(kind.ClrType, id);
        }

        _webhooks?.Raise(NexudusWebhookDispatcher.ActionOf(existing, NexudusChange.Delete), existing);

        return WriteSucceeded(kind, existing, "deleted", new JsonObject { ["Id"] = id });
    }

    private static async Task<(JsonObject? Body, NexudusResponse? Invalid)> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            return node is JsonObject body
                ? (body, null)
                : (null, WriteFailed(400, "The request body must be a JSON object."));
        }
        catch (JsonException exception)
        {
            return (null, InvalidBody(exception));
        }
    }

    private static NexudusResponse InvalidBody(JsonException exception) =>
        WriteFailed(400, $"The request body is not valid: {exception.Message}");

    private static NexudusResponse? Validate(NexudusEntityKind kind, JsonObject body)
    {
        var errors = new List<(string, JsonNode?, string)>();
        foreach (var field in kind.RequiredFields)
        {
            var value = body.FirstOrDefault(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
            if (value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>())))
            {
                errors.Add((field, value, $"The {field} field is required."));
            }
        }

        return errors.Count == 0 ? null : ValidationFailed(errors);
    }

    private static string NotFoundMessage(NexudusEntityKind kind, long id) =>
        $"{kind.Name} {id.ToString(CultureInfo.InvariantCulture)} was not found.";

    private static NexudusResponse WriteSucceeded(NexudusEntityKind kind, NexudusEntity record, string verb, JsonNode value) =>
        NexudusResponse.FromJson(200, Envelope(200, $"{kind.Name} was successfully {verb}.", value, errors: null, succeeded: true, record.UpdatedOn));

    private static NexudusResponse ValidationFailed(IReadOnlyList<(string Property, JsonNode? Attempted, string Message)> errors)
    {
        var array = new JsonArray();
        foreach (var (property, attempted, message) in errors)
        {
            array.Add(new JsonObject { ["AttemptedValue"] = attempted?.DeepClone(), ["Message"] = message, ["PropertyName"] = property });
        }

        var summary = string.Join(" ", errors.Select(e => $"{e.Property}: {e.Message}"));
        return NexudusResponse.FromJson(400, Envelope(400, summary, value: null, array, succeeded: false, updatedOn: null));
    }

    private static NexudusResponse WriteFailed(int status, string message) =>
        NexudusResponse.FromJson(status, Envelope(status, message, value: null, errors: null, succeeded: false, updatedOn: null));

    internal static JsonObject Envelope(int status, string message, JsonNode? value, JsonArray? errors, bool succeeded, DateTimeOffset? updatedOn) => new()
    {
        ["Status"] = status,
        ["Message"] = message,
        ["Value"] = value,
        ["OpenInDialog"] = false,
        ["OpenInWindow"] = false,
        ["RedirectURL"] = null,
        ["JavaScript"] = null,
        ["UpdatedOn"] = updatedOn is { } on ? NexudusWire.FormatUtc(on) : null,
        ["UpdatedBy"] = null,
        ["Errors"] = errors,
        ["WasSuccessful"] = succeeded,
    };
}
