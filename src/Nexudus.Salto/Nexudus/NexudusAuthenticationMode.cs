namespace Nexudus.Salto.Nexudus;

/// <summary>How <see cref="NexudusClient"/> authenticates its calls.</summary>
public enum NexudusAuthenticationMode
{
    /// <summary>
    /// OAuth2 bearer tokens from <c>POST /api/token</c> (password grant, then refresh grants);
    /// what Nexudus recommends for server-to-server integrations.
    /// </summary>
    Bearer = 0,

    /// <summary>HTTP Basic with the username and password on every call.</summary>
    Basic = 1,
}
