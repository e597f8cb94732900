namespace Nexudus.Salto.Testing;

/// <summary>What an injected <see cref="SandboxFault"/> does to a request.</summary>
public enum SandboxFaultKind
{
    /// <summary>Answers with a fixed status and body instead of handling the request.</summary>
    Status = 1,

    /// <summary>Answers with the service's throttling response and a <c>Retry-After</c> header.</summary>
    Throttle = 2,

    /// <summary>Waits before handling the request normally.</summary>
    Latency = 3,

    /// <summary>Aborts the connection without sending a response.</summary>
    DropConnection = 4,

    /// <summary>Handles the request but sends only the first half of the response body, so it is not valid JSON.</summary>
    MalformedBody = 5,

    /// <summary>Expires every access token issued so far, then handles the request (which then fails authentication if it used one).</summary>
    ExpireToken = 6,
}
