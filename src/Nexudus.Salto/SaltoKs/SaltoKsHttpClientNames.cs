namespace Nexudus.Salto.SaltoKs;

/// <summary>The names of the HTTP clients the SALTO KS client uses, for configuring them (proxies, handlers, tests).</summary>
public static class SaltoKsHttpClientNames
{
    /// <summary>The typed client for the Connect API, carrying the bearer-token handler and the resilience pipeline.</summary>
    public const string Api = "Nexudus.Salto.SaltoKs.Api";

    /// <summary>The named client for the identity server's token endpoint; it carries no bearer token.</summary>
    public const string Identity = "Nexudus.Salto.SaltoKs.Identity";
}
