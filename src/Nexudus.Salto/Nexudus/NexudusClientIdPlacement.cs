namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Where the token requests carry <c>client_id</c>. Older Nexudus documentation sends it as a
/// header, the newer authentication page as a form parameter; which one the server requires is
/// unconfirmed, so both are sent by default.
/// </summary>
public enum NexudusClientIdPlacement
{
    /// <summary>Send <c>client_id</c> both as a header and as a form parameter.</summary>
    Both = 0,

    /// <summary>Send <c>client_id</c> as a request header only.</summary>
    Header = 1,

    /// <summary>Send <c>client_id</c> as a form parameter only.</summary>
    Form = 2,
}
