using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.Testing;

/// <summary>
/// The outer middleware of a sandbox: records every request in the <see cref="SandboxRequestLog"/>
/// and injects the faults of <see cref="SandboxFaults"/>.
/// </summary>
/// <remarks>It runs after routing, so the log can name the route template that matched.</remarks>
internal sealed partial class SandboxTraffic(
    SandboxRequestLog log,
    SandboxFaults faults,
    TimeProvider timeProvider,
    Func<HttpContext, bool> isWrite,
    ILogger logger)
{
    private static readonly object ArrivedKey = new();

    /// <summary>
    /// When the request reached the sandbox (as the request log records it), or <see langword="null"/> for a request
    /// that did not pass through this middleware. Rate limits judge this instant, as the service counts a call when it
    /// arrives, not when a busy handler gets round to it.
    /// </summary>
    public static DateTimeOffset? ArrivedAt(HttpContext context) =>
        context.Items.TryGetValue(ArrivedKey, out var value) && value is DateTimeOffset arrived ? arrived : null;

    /// <summary>
    /// The first middleware: notes when the request arrived, before routing or anything else can delay it (the rest of
    /// this middleware runs after routing, so the log can name the route).
    /// </summary>
    public Task StampArrivalAsync(HttpContext context, RequestDelegate next)
    {
        context.Items[ArrivedKey] = timeProvider.GetUtcNow();
        return next(context);
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        DateTimeOffset arrived = ArrivedAt(context) ?? timeProvider.GetUtcNow();
        context.Items[ArrivedKey] = arrived;
        HttpRequest request = context.Request;
        string path = request.Path.Value ?? "/";
        IReadOnlyList<SandboxFault> injected = faults.Take(request.Method, path);
        SandboxFaultKind? applied = null;
        bool recorded = false;

        // Recorded as the response starts (or just before a drop), so a client that has its answer
        // always finds the request in the log.
        void Record(int? status)
        {
            if (recorded)
            {
                return;
            }

            recorded = true;
            string route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? path;
            log.Add(new SandboxRequest
            {
                Method = request.Method,
                Path = path,
                Query = request.QueryString.Value ?? string.Empty,
                Route = route,
                StatusCode = status,
                Timestamp = arrived,
                AnsweredAt = timeProvider.GetUtcNow(),
                IsWrite = isWrite(context),
                Throttled = status is not null && context.Response.Headers.ContainsKey("Retry-After"),
                Fault = applied,
            });
            LogServed(logger, request.Method, path, status ?? 0);
        }

        context.Response.OnStarting(() =>
        {
            Record(context.Response.StatusCode);
            return Task.CompletedTask;
        });

        try
        {
            foreach (SandboxFault fault in injected)
            {
                applied = fault.Kind;
                LogFaultInjected(logger, fault.Kind, request.Method, path);
                switch (fault.Kind)
                {
                    case SandboxFaultKind.Latency:
                        await Task.Delay(fault.Delay, timeProvider, context.RequestAborted).ConfigureAwait(false);
                        break;
                    case SandboxFaultKind.DropConnection:
                        Record(null);
                        context.Abort();
                        return;
                    case SandboxFaultKind.Response:
                        await WriteAsync(context, fault).ConfigureAwait(false);
                        return;
                    case SandboxFaultKind.Throttle:
                        context.Response.Headers.RetryAfter =
                            ((long)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                        await WriteAsync(context, fault).ConfigureAwait(false);
                        return;
                    case SandboxFaultKind.MalformedBody:
                        await ServeTruncatedAsync(context, next).ConfigureAwait(false);
                        return;
                    case SandboxFaultKind.DropResponse:
                        await ServeUnsentAsync(context, next).ConfigureAwait(false);
                        Record(null);
                        context.Abort();
                        return;
                    default:
                        throw new InvalidOperationException($"Unknown fault kind {fault.Kind}.");
                }
            }

            await next(context).ConfigureAwait(false);
        }
        finally
        {
            // A response that never started (an empty 2xx is started by the server after this returns).
            Record(context.Response.StatusCode);
        }
    }

    private static async Task WriteAsync(HttpContext context, SandboxFault fault)
    {
        context.Response.StatusCode = fault.StatusCode;
        if (fault.Body is not null)
        {
            context.Response.ContentType = fault.ContentType;
            await context.Response.WriteAsync(fault.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task ServeTruncatedAsync(HttpContext context, RequestDelegate next)
    {
        Stream original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        byte[] body = buffer.ToArray();

        // Half a JSON document never parses; an empty body becomes an opened, unfinished object.
        byte[] truncated = body.Length > 1 ? body[..(body.Length / 2)] : "{\"items\":["u8.ToArray();
        context.Response.ContentLength = truncated.Length;
        await original.WriteAsync(truncated, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Runs the request into a buffer that is never sent, so its effects happen and its answer is lost.</summary>
    private static async Task ServeUnsentAsync(HttpContext context, RequestDelegate next)
    {
        Stream original = context.Response.Body;
        using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sandbox served {Method} {Path} with {StatusCode}")]
    private static partial void LogServed(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sandbox injected a {FaultKind} fault into {Method} {Path}")]
    private static partial void LogFaultInjected(ILogger logger, SandboxFaultKind faultKind, string method, string path);
}
