using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Nexudus.Salto.Diagnostics;

namespace Nexudus.Salto.Nexudus;

// The writes of NexudusClient (check-ins and webhooks): each goes through WriteAsync, which reads the write result
// Nexudus answers with (HTTP 200 with WasSuccessful false is a rejection), over the shared send in NexudusClient.cs.
public partial class NexudusClient
{
    private const string WriteDateFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    // Create bodies leave out what the caller did not set, rather than sending explicit nulls.
    private static readonly NexudusJsonContext CreateBodyContext = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <inheritdoc/>
    public virtual async Task<long> CreateCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var body = JsonSerializer.SerializeToUtf8Bytes(checkIn, CreateBodyContext.CheckIn);
        var result = await WriteAsync(HttpMethod.Post, NexudusResources.CheckIns.Path, body, cancellationToken).ConfigureAwait(false);
        return CreatedId(result, $"POST {NexudusResources.CheckIns.Path}");
    }

    /// <inheritdoc/>
    public virtual async Task CloseCheckInAsync(long checkInId, DateTimeOffset checkOutTime, CancellationToken cancellationToken = default)
    {
        // PUT replaces the whole record and clears what it leaves out, so the record is read and
        // written back as raw JSON: fields this SDK does not model survive the round trip.
        var path = $"{NexudusResources.CheckIns.Path}/{checkInId.ToString(CultureInfo.InvariantCulture)}";
        var record = await SendForJsonAsync(HttpMethod.Get, path, $"GET {NexudusResources.CheckIns.Path}/{{id}}", cancellationToken).ConfigureAwait(false);
        if (record is not JsonObject checkIn)
        {
            throw new NexudusApiException(
                $"Nexudus GET {NexudusResources.CheckIns.Path}/{{id}} returned no check-in object.",
                200, $"GET {NexudusResources.CheckIns.Path}/{{id}}", null, null, null, null);
        }

        if (checkIn.TryGetPropertyValue("ToTime", out var toTime) && toTime is not null &&
            toTime.GetValueKind() == JsonValueKind.String && !string.IsNullOrEmpty(toTime.GetValue<string>()))
        {
            NexudusLog.CheckInAlreadyClosed(_logger, checkInId);
            return;
        }

        checkIn["ToTime"] = checkOutTime.UtcDateTime.ToString(WriteDateFormat, CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(checkIn.ToJsonString());
        await WriteAsync(HttpMethod.Put, NexudusResources.CheckIns.Path, body, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual async Task<long> CreateWebhookAsync(Webhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var body = JsonSerializer.SerializeToUtf8Bytes(webhook, CreateBodyContext.Webhook);
        var result = await WriteAsync(HttpMethod.Post, NexudusResources.Webhooks.Path, body, cancellationToken).ConfigureAwait(false);
        return CreatedId(result, $"POST {NexudusResources.Webhooks.Path}");
    }

    /// <inheritdoc/>
    public virtual async Task DeleteWebhookAsync(long webhookId, CancellationToken cancellationToken = default)
    {
        var path = $"{NexudusResources.Webhooks.Path}/{webhookId.ToString(CultureInfo.InvariantCulture)}";
        await WriteAsync(HttpMethod.Delete, path, body: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<NexudusWriteResult> WriteAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var deadline = new CallDeadline(_options.TotalTimeout, _time, cancellationToken);
        try
        {
            return await WriteCoreAsync(method, path, body, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (deadline.Expired(ex))
        {
            throw TimedOut(method == HttpMethod.Delete ? $"{method} {path[..path.LastIndexOf('/')]}/{{id}}" : $"{method} {path}", deadline, ex);
        }
    }

    private async Task<NexudusWriteResult> WriteCoreAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        var endpoint = method == HttpMethod.Delete
            ? $"{method} {path[..path.LastIndexOf('/')]}/{{id}}"
            : $"{method} {path}";
        using var request = CreateRequest(method, path, endpoint, body);
        using var response = await SendCoreAsync(request, endpoint, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var text = await NexudusResponseReader.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        NexudusWriteResult? result;
        try
        {
            result = text is null ? null : JsonSerializer.Deserialize(text, NexudusJsonContext.Default.NexudusWriteResult);
        }
        catch (JsonException ex)
        {
            throw NexudusResponseReader.CreateMalformed(ex, status, endpoint);
        }

        if (result is null)
        {
            throw new NexudusApiException($"Nexudus {endpoint} answered HTTP {status} without a write result.", status, endpoint, null, null, null, null);
        }

        // HTTP 200 does not mean success: business rules (check-ins in particular) fail with
        // WasSuccessful false and a 200 status.
        if (!result.WasSuccessful)
        {
            var rejected = _reader.CreateRejectedWrite(result, status, endpoint, text, response.Content.Headers.ContentType?.MediaType);
            NexudusLog.CallFailed(_logger, endpoint, status, "WasSuccessful: false");
            throw rejected;
        }

        return result;
    }

    private static long CreatedId(NexudusWriteResult result, string endpoint) =>
        result.Value?.Id is { } id and not 0
            ? id
            : throw new NexudusApiException(
                $"Nexudus {endpoint} reported success without the id of the record created.",
                result.Status ?? 200, endpoint, null, null, null, null);
}
