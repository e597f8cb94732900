namespace Nexudus.Salto.Testing;

/// <summary>What a <see cref="SandboxFault"/> does to a request.</summary>
public enum SandboxFaultKind
{
    /// <summary>Answers with a fixed status and body instead of serving the request.</summary>
    Response = 0,

    /// <summary>Answers with a throttling status and a <c>Retry-After</c> header instead of serving the request.</summary>
    Throttle = 1,

    /// <summary>Waits before serving the request normally.</summary>
    Latency = 2,

    /// <summary>Aborts the connection without an answer.</summary>
    DropConnection = 3,

    /// <summary>Serves the request, then sends only the first half of the body, so the JSON is cut off.</summary>
    MalformedBody = 4,

    /// <summary>
    /// Serves the request, so whatever it changes is changed, then aborts the connection before any of the answer is
    /// sent: the reply lost on the way that makes a client unsure whether its write happened.
    /// </summary>
    DropResponse = 5,
}
