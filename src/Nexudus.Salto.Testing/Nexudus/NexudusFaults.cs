using System.Text.Json.Nodes;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Faults shaped like the Nexudus API's own failures, for <see cref="SandboxFaultRule.On"/> on a
/// <see cref="NexudusSandbox"/>.
/// </summary>
/// <example>
/// <code>
/// sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers", NexudusFaults.Throttled()).ForNextCalls(1));
/// </code>
/// </example>
public static class NexudusFaults
{
    /// <summary>
    /// Nexudus' throttling answer: <c>409 Conflict</c>, not 429, with
    /// <c>Retry-After</c> and the documented message.
    /// </summary>
    /// <param name="retryAfter">The wait to announce, sent in whole seconds; one second by default.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Throttled(TimeSpan? retryAfter = null) =>
        SandboxFault.Throttle(409, retryAfter ?? TimeSpan.FromSeconds(1), """{"Message":"You must wait before accessing this url again."}""");

    /// <summary>
    /// A <c>401</c> as for an access token that expired between two calls: the client should get a
    /// new token (refresh or password grant) and repeat the call once.
    /// </summary>
    /// <returns>The fault.</returns>
    public static SandboxFault Unauthorized() =>
        SandboxFault.Response(401, """{"Message":"Authorization has been denied for this request."}""");

    /// <summary>
    /// A business-rule failure of a write: HTTP 200 with <c>WasSuccessful: false</c> in the write
    /// envelope, as Nexudus sends for refused check-ins.
    /// </summary>
    /// <param name="message">The envelope's <c>Message</c>.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault WriteRefused(string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        return SandboxFault.Response(200, NexudusRequestHandler.Envelope(200, message, value: null, errors: null, succeeded: false, updatedOn: null).ToJsonString());
    }

    /// <summary>A validation failure of a write: HTTP 400 with one entry in <c>Errors</c>.</summary>
    /// <param name="propertyName">The property that failed, for example <c>BusinessId</c>.</param>
    /// <param name="message">The error message.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault ValidationFailed(string propertyName, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        ArgumentException.ThrowIfNullOrEmpty(message);
        var errors = new JsonArray { new JsonObject { ["AttemptedValue"] = null, ["Message"] = message, ["PropertyName"] = propertyName } };
        return SandboxFault.Response(400, NexudusRequestHandler.Envelope(400, $"{propertyName}: {message}", value: null, errors, succeeded: false, updatedOn: null).ToJsonString());
    }
}
