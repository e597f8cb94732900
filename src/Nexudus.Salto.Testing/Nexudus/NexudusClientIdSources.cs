namespace Nexudus.Salto.Testing;

/// <summary>
/// Where a <see cref="NexudusSandbox"/> reads the token request's optional <c>client_id</c>; older
/// documentation sends it as a header, newer as a form field, and which the server requires is
/// unconfirmed.
/// </summary>
[Flags]
public enum NexudusClientIdSources
{
    /// <summary>Never read: every token request counts as the user's own (keyed by email).</summary>
    None = 0,

    /// <summary>The <c>client_id</c> request header.</summary>
    Header = 1,

    /// <summary>The <c>client_id</c> form field.</summary>
    FormField = 2,

    /// <summary>Either; the form field wins when both are sent.</summary>
    Both = Header | FormField,
}
