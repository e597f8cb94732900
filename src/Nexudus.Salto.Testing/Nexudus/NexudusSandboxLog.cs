using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.Testing;

/// <summary>The sandbox's log messages. Paths only: no query strings (they can hold e-mails), headers or bodies.</summary>
internal static partial class NexudusSandboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Nexudus sandbox listening on {BaseUrl}")]
    public static partial void Started(ILogger logger, Uri baseUrl);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Nexudus sandbox throttled {Method} {Path}; Retry-After {RetryAfter}")]
    public static partial void Throttled(ILogger logger, string method, string path, TimeSpan retryAfter);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Nexudus sandbox refused a token request: {Error}")]
    public static partial void TokenRefused(ILogger logger, string error);
}
