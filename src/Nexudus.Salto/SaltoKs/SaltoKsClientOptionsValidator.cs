using System.Buffers;
using Microsoft.Extensions.Options;
using Nexudus.Salto.DependencyInjection;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Checks <see cref="SaltoKsClientOptions"/> and reports every bad key at once, by its full configuration path
/// (e.g. <c>SaltoKs:BaseUrl</c>).
/// </summary>
/// <remarks>
/// Registered by <c>AddSaltoKsClient</c> and run at start-up. Credentials are checked only for consistency
/// (a user name needs a password, and obtaining tokens needs a client id), because a custom
/// <see cref="ISaltoKsTokenProvider"/> needs none of them.
/// </remarks>
internal sealed class SaltoKsClientOptionsValidator : IValidateOptions<SaltoKsClientOptions>
{
    private static readonly SearchValues<char> ForbiddenPathCharacters = SearchValues.Create("?#\\ ");

    private static readonly SearchValues<char> VersionCharacters = SearchValues.Create("0123456789.");

    private readonly string _sectionPath;

    /// <summary>Creates a validator that names keys under the <c>SaltoKs</c> section.</summary>
    public SaltoKsClientOptionsValidator()
        : this(SaltoKsClientOptions.SectionName)
    {
    }

    /// <summary>Creates a validator that names keys under another configuration path.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Tenants:0:SaltoKs</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="sectionPath"/> is empty.</exception>
    public SaltoKsClientOptionsValidator(string sectionPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);
        _sectionPath = sectionPath;
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SaltoKsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> errors = [.. Errors(options)];
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private IEnumerable<string> Errors(SaltoKsClientOptions o)
    {
        string Key(string name) => $"{_sectionPath}:{name}";

        if (ServiceUrlRule.Check(Key(nameof(o.BaseUrl)), o.BaseUrl) is { } baseUrl)
        {
            yield return baseUrl;
        }

        if (ServiceUrlRule.Check(Key(nameof(o.IdentityUrl)), o.IdentityUrl) is { } identityUrl)
        {
            yield return identityUrl;
        }

        bool hasUser = !string.IsNullOrWhiteSpace(o.Username);
        bool hasPassword = !string.IsNullOrEmpty(o.Password);
        if (hasUser != hasPassword)
        {
            yield return hasUser
                ? $"{Key(nameof(o.Password))} is required when {Key(nameof(o.Username))} is set."
                : $"{Key(nameof(o.Username))} is required when {Key(nameof(o.Password))} is set.";
        }

        if ((hasUser || !string.IsNullOrEmpty(o.RefreshToken)) && string.IsNullOrWhiteSpace(o.ClientId))
        {
            yield return $"{Key(nameof(o.ClientId))} is required to obtain tokens from the identity server.";
        }

        if (string.IsNullOrWhiteSpace(o.Scope))
        {
            yield return $"{Key(nameof(o.Scope))} must name at least one scope.";
        }

        if (o.ApiVersions is null)
        {
            yield return $"{Key(nameof(o.ApiVersions))} is required.";
        }
        else
        {
            foreach ((string name, string value) in o.ApiVersions.All())
            {
                if (!IsVersion(value))
                {
                    yield return $"{Key(nameof(o.ApiVersions))}:{name} must look like v1.1 (got '{value}').";
                }
            }
        }

        if (o.Tags is null)
        {
            yield return $"{Key(nameof(o.Tags))} is required.";
        }
        else
        {
            foreach ((string name, string path) in new[]
            {
                (nameof(o.Tags.ListPath), o.Tags.ListPath), (nameof(o.Tags.AssignPath), o.Tags.AssignPath),
                (nameof(o.Tags.UnassignPath), o.Tags.UnassignPath),
            })
            {
                if (!IsRelativePathTemplate(path))
                {
                    yield return $"{Key(nameof(o.Tags))}:{name} must be a relative path such as sites/{{site_id}}/tags (got '{path}').";
                }
            }

            if (!Enum.IsDefined(o.Tags.AssignmentMode))
            {
                yield return $"{Key(nameof(o.Tags))}:{nameof(o.Tags.AssignmentMode)} is not a known mode.";
            }
        }

        if (o.ListPageSize is <= 0)
        {
            yield return $"{Key(nameof(o.ListPageSize))} must be positive when set.";
        }

        if (o.EntriesPageSize <= 0)
        {
            yield return $"{Key(nameof(o.EntriesPageSize))} must be positive.";
        }

        if (!Enum.IsDefined(o.EntryLockFilter))
        {
            yield return $"{Key(nameof(o.EntryLockFilter))} is not a known mode.";
        }

        if (!Enum.IsDefined(o.ScheduleDates))
        {
            yield return $"{Key(nameof(o.ScheduleDates))} is not a known mode.";
        }

        if (o.MembershipChunkSize <= 0)
        {
            yield return $"{Key(nameof(o.MembershipChunkSize))} must be positive.";
        }

        if (o.MaxRetryAttempts < 0)
        {
            yield return $"{Key(nameof(o.MaxRetryAttempts))} must not be negative.";
        }

        foreach ((string name, TimeSpan value, bool zeroAllowed) in new[]
        {
            (nameof(o.PostCreateRetryWindow), o.PostCreateRetryWindow, true),
            (nameof(o.PostCreateRetryDelay), o.PostCreateRetryDelay, true),
            (nameof(o.TokenRefreshLeadTime), o.TokenRefreshLeadTime, true),
            (nameof(o.RetryBaseDelay), o.RetryBaseDelay, true),
            (nameof(o.MaxRetryAfter), o.MaxRetryAfter, true),
            (nameof(o.AttemptTimeout), o.AttemptTimeout, false),
            (nameof(o.TotalRequestTimeout), o.TotalRequestTimeout, false),
        })
        {
            if (value < TimeSpan.Zero || (!zeroAllowed && value == TimeSpan.Zero))
            {
                yield return $"{Key(name)} must be {(zeroAllowed ? "zero or more" : "positive")}.";
            }
        }

        if (o.AttemptTimeout > o.TotalRequestTimeout)
        {
            yield return $"{Key(nameof(o.AttemptTimeout))} must not exceed {Key(nameof(o.TotalRequestTimeout))}.";
        }

        if (o.MaxResponseBytes is < 1024 or > int.MaxValue)
        {
            yield return $"{Key(nameof(o.MaxResponseBytes))} must be between 1024 and {int.MaxValue}.";
        }
    }

    private static bool IsVersion(string? value) =>
        value is { Length: > 1 } && value[0] == 'v' && char.IsAsciiDigit(value[1]) &&
        !value.AsSpan(1).ContainsAnyExcept(VersionCharacters) && !value.EndsWith('.') && !value.Contains("..", StringComparison.Ordinal);

    // A path template stays under {BaseUrl}/{version}/: no scheme, no leading slash, no dot segments, no query.
    private static bool IsRelativePathTemplate(string? path) =>
        !string.IsNullOrWhiteSpace(path) &&
        !path.StartsWith('/') &&
        !path.Contains("://", StringComparison.Ordinal) &&
        path.AsSpan().IndexOfAny(ForbiddenPathCharacters) < 0 &&
        !path.Split('/').Any(segment => segment is "" or "." or "..");
}
