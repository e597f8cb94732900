namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The rule for every service base URL in configuration: absolute, and https unless it points at a loopback
/// address (the sandboxes and tests serve plain http on loopback).
/// </summary>
/// <remarks>One place for the rule, so the Nexudus and SALTO KS settings and later configuration checks agree.</remarks>
internal static class ServiceUrlRule
{
    /// <summary>Checks a base URL and describes what is wrong with it.</summary>
    /// <param name="keyPath">The configuration key, e.g. <c>SaltoKs:BaseUrl</c>, named in the message.</param>
    /// <param name="url">The URL.</param>
    /// <returns><see langword="null"/> when the URL is acceptable, otherwise the error message.</returns>
    public static string? Check(string keyPath, Uri? url)
    {
        if (url is null)
        {
            return $"{keyPath} is required.";
        }

        if (!url.IsAbsoluteUri)
        {
            return $"{keyPath} must be an absolute URL.";
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            return $"{keyPath} must not carry a query, fragment or user information.";
        }

        bool https = url.Scheme == Uri.UriSchemeHttps;
        bool loopbackHttp = url.Scheme == Uri.UriSchemeHttp && url.IsLoopback;
        return https || loopbackHttp ? null : $"{keyPath} must use https (plain http is allowed only for loopback addresses).";
    }
}
