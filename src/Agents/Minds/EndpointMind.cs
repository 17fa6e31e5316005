using System.ClientModel;
using Agents.World.Scenarios;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Agents.Minds;

/// <summary>Builds a <see cref="ModelMind"/> over any OpenAI-compatible endpoint (Ollama, llama.cpp, vLLM, a hosted API).</summary>
public static class EndpointMind
{
    /// <summary>An <see cref="IChatClient"/> for <paramref name="model"/> at <paramref name="endpoint"/> (the base URL, e.g. http://127.0.0.1:11434/v1).</summary>
    public static IChatClient CreateClient(Uri endpoint, string model, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "none" : apiKey), new OpenAIClientOptions { Endpoint = endpoint });
        return client.GetChatClient(model).AsIChatClient();
    }

    /// <summary>
    /// A mind for an endpoint scenario: base URL and model from <paramref name="spec"/> (or <paramref name="endpointOverride"/>),
    /// the key from the environment variable the scenario names. Throws <see cref="MindException"/> when something is missing.
    /// </summary>
    public static ModelMind Create(MindSpec spec, Uri? endpointOverride = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var url = endpointOverride?.ToString() ?? spec.Endpoint
            ?? throw new MindException("The endpoint mind needs a base URL: give 'endpoint' in the scenario's mind or --mind endpoint:URL.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new MindException($"The endpoint '{url}' is not an http(s) URL.");
        }

        string? key = null;
        if (spec.ApiKeyVariable is { } variable)
        {
            key = Environment.GetEnvironmentVariable(variable)
                ?? throw new MindException($"The scenario's mind reads its API key from the environment variable {variable}, which is not set.");
        }

        var model = spec.Model ?? "default";
        return new ModelMind(CreateClient(endpoint, model, key), new ModelMindOptions(spec.Temperature, CallBudget: spec.CallBudget));
    }
}
