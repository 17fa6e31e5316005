using System.Net;
using System.Text.Json;

namespace Agents.Cli.Tests;

/// <summary>
/// A minimal OpenAI-compatible chat endpoint on 127.0.0.1 for tests: it records every request body and answers each
/// with the text <c>reply</c> gives for it. Dispose stops it and waits for the serving loop.
/// </summary>
internal sealed class FakeChatEndpoint : IAsyncDisposable
{
    private readonly HttpListener _server = new();
    private readonly List<JsonElement> _requests = [];
    private readonly Task _serving;

    public FakeChatEndpoint(Func<JsonElement, string> reply)
    {
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _server.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _server.Start();
        _serving = Task.Run(() => ServeAsync(reply));
    }

    public int Port { get; }

    /// <summary>The base URL, as --mind endpoint:URL takes it.</summary>
    public string Url => $"http://127.0.0.1:{Port}/v1";

    /// <summary>The request bodies received so far.</summary>
    public IReadOnlyList<JsonElement> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The user message of a request (decisions send system, then user).</summary>
    public static string UserPrompt(JsonElement request) => request.GetProperty("messages")[1].GetProperty("content").GetString()!;

    public async ValueTask DisposeAsync()
    {
        _server.Stop();
        await _serving;
        _server.Close();
    }

    private async Task ServeAsync(Func<JsonElement, string> reply)
    {
        while (_server.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _server.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new StreamReader(context.Request.InputStream);
            var request = JsonDocument.Parse(await body.ReadToEndAsync()).RootElement.Clone();
            lock (_requests)
            {
                _requests.Add(request);
            }

            var response = new
            {
                id = "c1",
                @object = "chat.completion",
                created = 1,
                model = request.GetProperty("model").GetString(),
                choices = new[] { new { index = 0, message = new { role = "assistant", content = reply(request) }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 3, total_tokens = 13 },
            };
            var bytes = JsonSerializer.SerializeToUtf8Bytes(response);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
