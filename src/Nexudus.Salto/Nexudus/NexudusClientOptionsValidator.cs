using System.Net;
using Microsoft.Extensions.Options;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Checks <see cref="NexudusClientOptions"/> before a client is built, and names every bad key by
/// its full configuration path (<c>Nexudus:BaseUrl</c>, …) in one message.
/// </summary>
internal sealed class NexudusClientOptionsValidator : IValidateOptions<NexudusClientOptions>
{
    public ValidateOptionsResult Validate(string? name, NexudusClientOptions options)
    {
        var failures = GetFailures(options, NexudusClientOptions.SectionName);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Lists what is wrong with <paramref name="options"/>; empty when nothing is.</summary>
    /// <param name="options">The options to check.</param>
    /// <param name="section">The configuration path the keys are named under.</param>
    /// <returns>One message per bad key.</returns>
    public static IReadOnlyList<string> GetFailures(NexudusClientOptions options, string section)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri)
        {
            failures.Add($"{section}:BaseUrl is required and must be an absolute URL.");
        }
        else if (!IsAllowedScheme(options.BaseUrl))
        {
            failures.Add($"{section}:BaseUrl must use https (http is allowed only for loopback addresses).");
        }

        if (string.IsNullOrWhiteSpace(options.Username))
        {
            failures.Add($"{section}:Username is required.");
        }

        if (string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{section}:Password is required.");
        }

        if (!Enum.IsDefined(options.AuthenticationMode))
        {
            failures.Add($"{section}:AuthenticationMode must be Bearer or Basic.");
        }

        if (!Enum.IsDefined(options.ClientIdPlacement))
        {
            failures.Add($"{section}:ClientIdPlacement must be Both, Header or Form.");
        }

        if (!Enum.IsDefined(options.SortDirectionFormat))
        {
            failures.Add($"{section}:SortDirectionFormat must be ZeroOne, OneMinusOne or Words.");
        }

        if (!Enum.IsDefined(options.FilterDateFormat))
        {
            failures.Add($"{section}:FilterDateFormat must be Minutes or SecondsUtc.");
        }

        Range(failures, section, nameof(options.PageSize), options.PageSize, 1, 10_000);
        Range(failures, section, nameof(options.BatchSize), options.BatchSize, 1, 1_000);
        Range(failures, section, nameof(options.MaxRequestsPerMinute), options.MaxRequestsPerMinute, 0, int.MaxValue);
        Range(failures, section, nameof(options.MaxRequestsPerHour), options.MaxRequestsPerHour, 0, int.MaxValue);
        Range(failures, section, nameof(options.MaxWritesPerMinute), options.MaxWritesPerMinute, 0, int.MaxValue);
        Range(failures, section, nameof(options.MaxRetryAttempts), options.MaxRetryAttempts, 0, 100);
        Duration(failures, section, nameof(options.MinRequestInterval), options.MinRequestInterval, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        if (options.MaxTransitSkew is { } skew)
        {
            Duration(failures, section, nameof(options.MaxTransitSkew), skew, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        }

        Duration(failures, section, nameof(options.TokenRefreshLeadTime), options.TokenRefreshLeadTime, TimeSpan.Zero, TimeSpan.FromDays(1));
        Duration(failures, section, nameof(options.RefreshTokenLifetime), options.RefreshTokenLifetime, TimeSpan.Zero, TimeSpan.FromDays(365));

        // The lower bounds are those the resilience strategies themselves accept.
        Duration(failures, section, nameof(options.AttemptTimeout), options.AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
        Duration(failures, section, nameof(options.TotalTimeout), options.TotalTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
        Duration(failures, section, nameof(options.RetryBaseDelay), options.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromDays(1));
        Duration(failures, section, nameof(options.MaxRetryAfter), options.MaxRetryAfter, TimeSpan.Zero, TimeSpan.FromDays(1));
        Duration(failures, section, nameof(options.CircuitBreakerBreakDuration), options.CircuitBreakerBreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add($"{section}:AttemptTimeout must not be longer than {section}:TotalTimeout.");
        }

        if (options.MaxResponseBytes is < 1024 or > int.MaxValue)
        {
            failures.Add($"{section}:MaxResponseBytes must be between 1024 and {int.MaxValue}.");
        }

        return failures;
    }

    private static bool IsAllowedScheme(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps ||
        (url.Scheme == Uri.UriSchemeHttp && (url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var ip) && IPAddress.IsLoopback(ip))));

    private static void Range(List<string> failures, string section, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add(max == int.MaxValue
                ? $"{section}:{key} must be at least {min}."
                : $"{section}:{key} must be between {min} and {max}.");
        }
    }

    private static void Duration(List<string> failures, string section, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{section}:{key} must be between {min:c} and {max:c}.");
        }
    }
}
