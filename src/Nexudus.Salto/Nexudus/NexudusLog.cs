using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The Nexudus client's log messages. Event ids are stable (31xx); no message carries a token,
/// password, TOTP code, PIN or card number.
/// </summary>
internal static partial class NexudusLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Nexudus {Endpoint} answered {Status}")]
    public static partial void Responded(ILogger logger, string endpoint, int status);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Nexudus token obtained with the {GrantType} grant; it expires in {ExpiresIn}")]
    public static partial void TokenObtained(ILogger logger, string grantType, TimeSpan expiresIn);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Nexudus token refresh failed ({Reason}); falling back to the password grant")]
    public static partial void RefreshFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Nexudus {Endpoint} answered 401; renewing the token and retrying once")]
    public static partial void RetryingAfterUnauthorized(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Nexudus {Endpoint} failed ({Outcome}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string endpoint, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Debug, Message = "Nexudus {Endpoint} waited {Waited} for the client-side rate limit")]
    public static partial void RateLimited(ILogger logger, string endpoint, TimeSpan waited);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "Nexudus token renewal failed ({Reason}); the current token stays in use until it expires")]
    public static partial void RenewalFailedKeepingToken(ILogger logger, string reason);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "Nexudus {Endpoint} failed with {Status}: {Reason}")]
    public static partial void CallFailed(ILogger logger, string endpoint, int status, string reason);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Information, Message = "Nexudus check-in {CheckInId} is already closed; left as it is")]
    public static partial void CheckInAlreadyClosed(ILogger logger, long checkInId);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Warning, Message = "Nexudus throttled a call the client had paced; calls are now spaced for a transit skew of {Skew} (set Nexudus:MaxTransitSkew to start there)")]
    public static partial void TransitSkewGrown(ILogger logger, TimeSpan skew);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "Nexudus throttled the account; every call waits {Wait} before the next one starts")]
    public static partial void AccountPaused(ILogger logger, TimeSpan wait);
}
