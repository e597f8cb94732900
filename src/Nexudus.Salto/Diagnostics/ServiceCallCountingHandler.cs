namespace Nexudus.Salto.Diagnostics;

/// <summary>Counts each request it passes on into the current <see cref="ServiceCallCounter"/> tally, if any.</summary>
/// <param name="service">The service the client talks to.</param>
/// <param name="tokenClient">Whether the client only asks for tokens: those calls change no data, so they count as reads.</param>
internal sealed class ServiceCallCountingHandler(CountedService service, bool tokenClient = false) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ServiceCallCounter.Current?.Add(service, !tokenClient && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head);
        return base.SendAsync(request, cancellationToken);
    }
}
