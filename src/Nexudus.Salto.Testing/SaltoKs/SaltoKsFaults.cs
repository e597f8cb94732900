using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>Faults shaped like SALTO KS's own failures, for <see cref="SandboxFaultRule.On"/>.</summary>
public static class SaltoKsFaults
{
    /// <summary>An error with SALTO KS's body, <c>{"ErrorCode": "…", "Message": "…"}</c>.</summary>
    /// <param name="statusCode">The HTTP status, e.g. 404.</param>
    /// <param name="errorCode">The service error code, e.g. <c>2202</c>.</param>
    /// <param name="message">The message, e.g. <c>User not found</c>.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Error(int statusCode, string errorCode, string message) =>
        SandboxFault.Response(
            statusCode,
            JsonSerializer.Serialize(new SaltoKsErrorBody { ErrorCode = errorCode, Message = message }, SaltoKsJsonContext.Default.SaltoKsErrorBody));

    /// <summary>500 <c>2201</c> "Internal error".</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault InternalError() => Error(500, "2201", "Internal error");

    /// <summary>429 with <c>Retry-After</c>; SALTO publishes no throttling, so this is what a client should be ready for.</summary>
    /// <param name="retryAfter">The wait to announce, sent in whole seconds.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault TooManyRequests(TimeSpan retryAfter) =>
        SandboxFault.Throttle(429, retryAfter, "{\"Message\":\"Too many requests\"}");
}
