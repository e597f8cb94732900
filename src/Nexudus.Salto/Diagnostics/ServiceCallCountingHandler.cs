namespace Nexudus.Salto.Diagnostics;

/// <summary>Counts each request it passes on into the current <see cref="ServiceCallCounter"/> tally, if any.</summary>
/// <param name="service">The service the client talks to.</param>
internal sealed class ServiceCallCountingHandler(CountedService service) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ServiceCallCounter.Current?.Add(service, request.Method != HttpMethod.Get && request.Method != HttpMethod.Head);
        return base.SendAsync(request, cancellationToken);
    }
}
