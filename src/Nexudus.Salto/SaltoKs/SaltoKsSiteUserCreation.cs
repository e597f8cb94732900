using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Creating a site user without ever creating a second one for the same e-mail: the site's users are looked up by
/// e-mail before the <c>POST</c> (unless the caller asks only for the look-up after an uncertain create), the holder
/// is adopted when SALTO KS refuses the e-mail as already in use, and after a create whose outcome is unknown the
/// e-mail is looked up instead of sending the create again.
/// </summary>
/// <remarks>A user created or found after an uncertain create is recorded for the <see cref="SaltoKsPostCreateRetry"/> window.</remarks>
internal sealed class SaltoKsSiteUserCreation(SaltoKsPostCreateRetry postCreate, ILogger logger)
{
    /// <summary>Creates the site user, or finds the one that holds its e-mail.</summary>
    /// <param name="siteId">The site.</param>
    /// <param name="request">The create request; its e-mail (trimmed) is the identity looked up.</param>
    /// <param name="lookup">When the e-mail is looked up.</param>
    /// <param name="post">Sends the create and reads the created user; called at most once.</param>
    /// <param name="findByEmail">Lists the site's users whose e-mail matches (the client's own look-up).</param>
    /// <param name="cancellationToken">Cancels the create and the look-ups.</param>
    public async Task<SiteUserCreateResult> CreateAsync(
        string siteId,
        SiteUserCreateRequest request,
        SiteUserCreateLookup lookup,
        Func<CancellationToken, Task<SiteUser>> post,
        Func<string, CancellationToken, Task<IReadOnlyList<SiteUser>>> findByEmail,
        CancellationToken cancellationToken)
    {
        string? email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (email is not null && lookup != SiteUserCreateLookup.OnlyAfterUncertainCreate &&
            await FindByEmailAsync(siteId, email, findByEmail, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            SaltoKsLog.SiteUserAlreadyExists(logger, siteId, existing.Id);
            return new SiteUserCreateResult { User = existing, Outcome = SiteUserCreateOutcome.AlreadyExisted };
        }

        SiteUser created;
        try
        {
            created = await post(cancellationToken).ConfigureAwait(false);
        }
        catch (SaltoKsApiException ex) when (email is not null && IsEmailInUse(ex))
        {
            // SALTO KS refuses a second user with the same e-mail (400 1101 "already in use"): the one there is adopted.
            SiteUser? holder = await FindByEmailAsync(siteId, email, findByEmail, cancellationToken).ConfigureAwait(false);
            if (holder is null)
            {
                throw;
            }

            SaltoKsLog.SiteUserAlreadyExists(logger, siteId, holder.Id);
            return new SiteUserCreateResult { User = holder, Outcome = SiteUserCreateOutcome.AlreadyExisted };
        }
        catch (Exception ex) when (email is not null && IsUncertain(ex, cancellationToken))
        {
            // The POST may have created the user before failing; sending it again could create a second one.
            SaltoKsLog.UncertainCreate(logger, siteId, ex);
            SiteUser? found = null;
            try
            {
                found = await FindByEmailAsync(siteId, email, findByEmail, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception lookupError) when (lookupError is SaltoKsApiException or HttpRequestException or TimeoutRejectedException)
            {
                // The create's own failure is the one worth reporting.
            }

            if (found is null)
            {
                throw;
            }

            postCreate.Created(found);
            SaltoKsLog.FoundAfterUncertainCreate(logger, siteId, found.Id);
            return new SiteUserCreateResult { User = found, Outcome = SiteUserCreateOutcome.FoundAfterUncertainCreate };
        }

        postCreate.Created(created);
        SaltoKsLog.SiteUserCreated(logger, created.Id, created.User?.Id, siteId);
        return new SiteUserCreateResult { User = created, Outcome = SiteUserCreateOutcome.Created };
    }

    // 400 1101 with "already in use" (or "already exists") in the message: the e-mail belongs to a user of the site.
    internal static bool IsEmailInUse(SaltoKsApiException exception) =>
        exception.Status == 400 &&
        exception.ErrorCode == SaltoKsErrorMapper.InvalidParameterCode &&
        exception.ServiceMessage is { } message &&
        message.Contains("email", StringComparison.OrdinalIgnoreCase) &&
        (message.Contains("already in use", StringComparison.OrdinalIgnoreCase) || message.Contains("already exists", StringComparison.OrdinalIgnoreCase));

    // Whether a failed create may still have created the user: no answer, or an answer that does not say.
    internal static bool IsUncertain(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or TimeoutRejectedException => true,
        SaltoKsApiException { Status: >= 500 or (>= 200 and < 300) } => true,
        _ => false,
    };

    private async Task<SiteUser?> FindByEmailAsync(
        string siteId, string email, Func<string, CancellationToken, Task<IReadOnlyList<SiteUser>>> findByEmail, CancellationToken cancellationToken)
    {
        IReadOnlyList<SiteUser> candidates = await findByEmail(email, cancellationToken).ConfigureAwait(false);

        // Trust only an exact match: a service that ignored the filter must not make a stranger "the same user".
        SiteUser[] matches = [.. candidates.Where(u => string.Equals(u.User?.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase))];
        if (matches.Length > 1)
        {
            SaltoKsLog.AmbiguousEmail(logger, siteId, matches.Length, matches[0].Id);
        }

        return matches.FirstOrDefault();
    }
}
