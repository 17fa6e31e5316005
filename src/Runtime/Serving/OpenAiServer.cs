using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agents.Runtime.Faces;
using Agents.Runtime.Inference;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Agents.Runtime.Serving;

/// <summary>
/// The OpenAI-compatible HTTP face on ASP.NET Core minimal APIs: <c>/v1/chat/completions</c> (plain and SSE),
/// <c>/v1/embeddings</c>, <c>/v1/models</c>, <c>/health</c> and <c>/metrics</c>. Bad requests get an OpenAI error
/// object with a 4xx status, a wrong key 401, a full queue 429; an unexpected failure is a 500 object, never a crash.
/// Borrows the engine and embedder; dispose to stop listening.
/// </summary>
public sealed class OpenAiServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private OpenAiServer(WebApplication app, Uri address)
    {
        this.app = app;
        BaseAddress = address;
    }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:8080/ (the real port when 0 was asked).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts listening; returns once the port is bound.</summary>
    public static async Task<OpenAiServer> StartAsync(InferenceEngine engine, LocalEmbeddingGenerator embeddings, ServerOptions options, CancellationToken cancellationToken = default)
    {
        var address = options.Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(options.Host, out var parsed) ? parsed
            : throw new RuntimeOptionException($"--host: expected an IP address such as 127.0.0.1 or 0.0.0.0, found \"{options.Host}\".");
        if (options.Port is < 0 or > 65535)
        {
            throw new RuntimeOptionException($"--port: expected 0 to 65535, found {options.Port}.");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Listen(address, options.Port);
        });
        var app = builder.Build();
        var metrics = new ServerMetrics();
        var handlers = new OpenAiHandlers(engine, embeddings, options, metrics);
        app.Use(async (context, next) =>
        {
            try
            {
                if (options.ApiKey is { } key && !context.Request.Path.StartsWithSegments("/health") && context.Request.Headers.Authorization.ToString() != $"Bearer {key}")
                {
                    throw new ApiException(401, "Incorrect API key provided: send \"Authorization: Bearer <key>\".", code: "invalid_api_key");
                }

                await next(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                await OpenAiHandlers.WriteErrorAsync(context, Classify(ex)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away; its generation was cancelled with it.
            }
            finally
            {
                metrics.Request(context.Response.StatusCode);
            }
        });
        app.MapGet("/health", () => Results.Json(new JsonObject { ["status"] = "ok" }));
        app.MapGet("/metrics", () => Results.Text(metrics.Render(engine.Stats), "text/plain; version=0.0.4"));
        app.MapGet("/v1/models", handlers.Models);
        app.MapPost("/v1/chat/completions", handlers.ChatAsync);
        app.MapPost("/v1/embeddings", handlers.EmbeddingsAsync);
        app.MapFallback((HttpContext context) => throw new ApiException(404, $"No route {context.Request.Method} {context.Request.Path}.", code: "not_found"));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OpenAiServer(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    /// <summary>Waits until the server is stopped through <paramref name="cancellationToken"/>.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }
    }

    /// <summary>Stops listening and ends open requests.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static ApiException Classify(Exception ex) => ex switch
    {
        ApiException api => api,
        EngineBusyException busy => new ApiException(429, busy.Message, "server_overloaded", "server_busy"),
        RuntimeOptionException option => new ApiException(400, option.Message, code: "invalid_value"),
        ConstraintException constraint => new ApiException(400, constraint.Message, param: "response_format", code: "invalid_value"),
        JsonException json => new ApiException(400, $"The body is not valid JSON: {json.Message}", code: "invalid_json"),
        BadHttpRequestException bad => new ApiException(bad.StatusCode, bad.Message, code: bad.StatusCode == 413 ? "body_too_large" : "bad_request"),
        _ => new ApiException(500, $"Internal error: {ex.Message}", "server_error", "internal_error"),
    };
}
