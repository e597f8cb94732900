using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Nexudus webhook endpoint.</summary>
public static class NexudusWebhookEndpointRouteBuilderExtensions
{
    /// <summary>The route value that names the webhook action.</summary>
    private const string ActionRouteValue = "action";

    /// <summary>
    /// Maps <c>POST {prefix}/{action}</c>, where <c>{action}</c> is the Nexudus <c>eWebhookAction</c> name (for example
    /// <c>BookingCreate</c>) or number, since a delivery's body does not say its action. Register one Nexudus webhook
    /// per action pointing at its URL (the sample's <c>webhooks</c> command, or <c>NexudusWebhookRegistrar</c>).
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="prefix">The path the actions are under.</param>
    /// <returns>The endpoint's convention builder (to add a rate limiter, a host filter, …).</returns>
    /// <remarks>
    /// <para>Each delivery is answered:</para>
    /// <list type="bullet">
    /// <item>401 when the <c>X-Nexudus-Hook-Signature</c> header is missing or wrong (checked on the raw body with
    /// <c>SaltoIntegration:Webhooks:SharedSecret</c> before anything else; unsigned deliveries only with
    /// <c>SaltoIntegration:Webhooks:AllowUnsigned</c>); nothing else happens;</item>
    /// <item>413 when the body is longer than <c>SaltoIntegration:Webhooks:MaxBodyBytes</c>;</item>
    /// <item>400 when the body is not a JSON array holding one record;</item>
    /// <item>202 when the action cannot change door access (ignored);</item>
    /// <item>200 once the event is recorded durably in the inbox (a repeated delivery is recorded once);</item>
    /// <item>503 when the inbox could not record it (the delivery is not acknowledged).</item>
    /// </list>
    /// <para>Requires <c>services.AddSaltoIntegration(…)</c>; add <c>.AddWorker()</c> so the events are applied.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty or does not start with <c>/</c>.</exception>
    public static IEndpointConventionBuilder MapNexudusWebhooks(this IEndpointRouteBuilder endpoints, string prefix = "/webhooks/nexudus")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (!prefix.StartsWith('/'))
        {
            throw new ArgumentException("The prefix must start with '/'.", nameof(prefix));
        }

        var pattern = prefix.TrimEnd('/') + "/{" + ActionRouteValue + "}";
        return endpoints.MapPost(pattern, context => HandleAsync(context, context.RequestServices.GetRequiredService<NexudusWebhookReceiver>()));
    }

    /// <summary>
    /// Maps <c>POST {prefix}/{action}</c> for the named integration <paramref name="integration"/>
    /// (<c>services.AddSaltoIntegration("operator-a", section)</c>): each delivery is verified with that integration's own
    /// <c>SaltoIntegration:Webhooks</c> settings (its <c>SharedSecret</c>, <c>AllowUnsigned</c>, <c>MaxBodyBytes</c>), recorded
    /// in its own state store's inbox and applied by its own worker. Map one prefix per integration, and register each
    /// integration's Nexudus webhooks at its own URL.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="integration">The integration's name, as given to <c>AddSaltoIntegration(name, …)</c>.</param>
    /// <param name="prefix">The path its actions are under; <see langword="null"/> for <c>/webhooks/nexudus/{integration}</c>.</param>
    /// <returns>The endpoint's convention builder (to add a rate limiter, a host filter, …).</returns>
    /// <remarks>
    /// The answers are those of <see cref="MapNexudusWebhooks"/>. A delivery refused for one integration (a wrong signature,
    /// a body too long) changes nothing for another: each has its own secret, inbox and worker. Add <c>.AddWorker()</c> to
    /// the integration's builder so its events are applied.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="integration"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="integration"/> is empty, or <paramref name="prefix"/> is empty or does not start with <c>/</c>.</exception>
    /// <exception cref="InvalidOperationException">No integration named <paramref name="integration"/> is registered.</exception>
    public static IEndpointConventionBuilder MapNexudusWebhooksFor(this IEndpointRouteBuilder endpoints, string integration, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(integration);
        prefix ??= "/webhooks/nexudus/" + Uri.EscapeDataString(integration);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (!prefix.StartsWith('/'))
        {
            throw new ArgumentException("The prefix must start with '/'.", nameof(prefix));
        }

        if (endpoints.ServiceProvider.GetService<IServiceProviderIsKeyedService>() is { } keyed
            && !keyed.IsKeyedService(typeof(NexudusWebhookReceiver), integration))
        {
            throw new InvalidOperationException(
                $"No integration named '{integration}' is registered: call services.AddSaltoIntegration(\"{integration}\", section) first.");
        }

        var pattern = prefix.TrimEnd('/') + "/{" + ActionRouteValue + "}";
        return endpoints.MapPost(pattern, context => HandleAsync(context, context.RequestServices.GetRequiredKeyedService<NexudusWebhookReceiver>(integration)));
    }

    private static async Task HandleAsync(HttpContext context, NexudusWebhookReceiver receiver)
    {
        var action = context.Request.RouteValues[ActionRouteValue] as string ?? string.Empty;
        var max = receiver.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is longer than {max} bytes.").ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1L;
        }

        byte[]? body = await ReadBodyAsync(context.Request, max, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is longer than {max} bytes.").ConfigureAwait(false);
            return;
        }

        WebhookReceipt receipt;
        try
        {
            receipt = await receiver.ReceiveAsync(action, body, context.Request.Headers[NexudusWebhookVerifier.SignatureHeaderName].ToString(), context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not recorded, so not acknowledged: the error says nothing of the storage's internals.
            await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "The event could not be recorded; try again.").ConfigureAwait(false);
            return;
        }

        await AnswerAsync(context, receipt.StatusCode, receipt.Message).ConfigureAwait(false);
    }

    /// <summary>Reads the body; <see langword="null"/> when it is longer than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(max + 1, 64 * 1024));
        try
        {
            using var body = new MemoryStream();
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > max)
                {
                    return null;
                }

                body.Write(buffer, 0, read);
            }

            return body.ToArray();
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Task AnswerAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
