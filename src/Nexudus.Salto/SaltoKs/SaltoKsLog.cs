using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Log messages of the SALTO KS client, with stable event ids (4000–4099). Paths are logged without their query
/// (which may hold an e-mail); tokens, secrets, passwords, PINs and tag numbers are never logged.
/// </summary>
internal static partial class SaltoKsLog
{
    [LoggerMessage(4001, LogLevel.Information, "Obtained a SALTO KS access token with the {GrantType} grant; it expires in {ExpiresIn} s.")]
    public static partial void TokenObtained(ILogger logger, string grantType, int? expiresIn);

    [LoggerMessage(4002, LogLevel.Information, "Saved the rotated SALTO KS refresh token.")]
    public static partial void RefreshTokenSaved(ILogger logger);

    [LoggerMessage(4003, LogLevel.Warning, "The SALTO KS identity server refused the refresh token ({ErrorCode}); falling back to the password grant.")]
    public static partial void RefreshTokenRefused(ILogger logger, string? errorCode);

    [LoggerMessage(4004, LogLevel.Information, "SALTO KS answered 401 to {Method} {Path}; renewing the access token and sending once more.")]
    public static partial void RenewingAfterUnauthorized(ILogger logger, string method, string path);

    [LoggerMessage(4005, LogLevel.Warning, "SALTO KS answered {Status} ({ErrorCode}) to {Method} {Path}.")]
    public static partial void ErrorResponse(ILogger logger, int status, string? errorCode, string method, string path);

    [LoggerMessage(4006, LogLevel.Warning, "Retrying {Method} {Path} in {Delay} (attempt {Attempt}) after {Outcome}.")]
    public static partial void Retrying(ILogger logger, string method, string path, TimeSpan delay, int attempt, string outcome);

    [LoggerMessage(4007, LogLevel.Information, "Site {SiteId} already has site user {SiteUserId} with that e-mail; not creating another.")]
    public static partial void SiteUserAlreadyExists(ILogger logger, string siteId, SiteUserId siteUserId);

    [LoggerMessage(4008, LogLevel.Information, "Created site user {SiteUserId} (platform user {PlatformUserId}) in site {SiteId}.")]
    public static partial void SiteUserCreated(ILogger logger, SiteUserId siteUserId, PlatformUserId? platformUserId, string siteId);

    [LoggerMessage(4009, LogLevel.Warning, "Creating a site user in site {SiteId} ended with an unknown outcome; looking the e-mail up instead of sending the create again.")]
    public static partial void UncertainCreate(ILogger logger, string siteId, Exception exception);

    [LoggerMessage(4010, LogLevel.Warning, "The look-up after an uncertain create in site {SiteId} found site user {SiteUserId}; using it.")]
    public static partial void FoundAfterUncertainCreate(ILogger logger, string siteId, SiteUserId siteUserId);

    [LoggerMessage(4011, LogLevel.Information, "SALTO KS answered {ErrorCode} for a user created {Age} ago; retrying {Operation} in {Delay}.")]
    public static partial void PostCreateRetry(ILogger logger, string? errorCode, TimeSpan age, string operation, TimeSpan delay);

    [LoggerMessage(4012, LogLevel.Warning, "Membership call {Call} of access group {AccessGroupId} in site {SiteId} failed ({Adds} adds, {Removes} removes not applied).")]
    public static partial void MembershipCallFailed(ILogger logger, int call, string accessGroupId, string siteId, int adds, int removes, Exception exception);

    [LoggerMessage(4013, LogLevel.Information, "Changed the members of access group {AccessGroupId} in site {SiteId}: {Added} added, {Removed} removed, in {Calls} calls.")]
    public static partial void MembershipChanged(ILogger logger, string accessGroupId, string siteId, int added, int removed, int calls);

    [LoggerMessage(4014, LogLevel.Warning, "Site user lookup by e-mail in site {SiteId} matched {Count} users; using {SiteUserId}.")]
    public static partial void AmbiguousEmail(ILogger logger, string siteId, int count, SiteUserId siteUserId);

    [LoggerMessage(
        4015,
        LogLevel.Warning,
        "SALTO KS rejected a membership call as a whole ({Status}, {ErrorCode}) and accepted both its halves: its limit seems lower than the configured size. " +
        "Later membership calls send at most {Size} ids in each of add_ids and remove_ids; set SaltoKs:MembershipChunkSize to {Size} to start there.")]
    public static partial void MembershipChunkSizeLearned(ILogger logger, int size, int status, string? errorCode);

    [LoggerMessage(
        4016,
        LogLevel.Information,
        "SALTO KS rejected a membership call of access group {AccessGroupId} in site {SiteId} as a whole ({Status}, {ErrorCode}; {Adds} adds, {Removes} removes); sending it in two halves.")]
    public static partial void MembershipCallSplit(ILogger logger, string accessGroupId, string siteId, int status, string? errorCode, int adds, int removes);
}
