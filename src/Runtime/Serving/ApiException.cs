namespace Agents.Runtime.Serving;

/// <summary>A request the server refuses: becomes an OpenAI-style error object with <see cref="Status"/>.</summary>
/// <param name="status">HTTP status (4xx).</param>
/// <param name="message">What was wrong, naming the field.</param>
/// <param name="type">OpenAI error type, such as invalid_request_error.</param>
/// <param name="code">Machine-readable code, or null.</param>
/// <param name="param">The request field at fault, or null.</param>
public sealed class ApiException(int status, string message, string type = "invalid_request_error", string? code = null, string? param = null) : Exception(message)
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The OpenAI error type.</summary>
    public string Type { get; } = type;

    /// <summary>The error code, or null.</summary>
    public string? Code { get; } = code;

    /// <summary>The field at fault, or null.</summary>
    public string? Param { get; } = param;

    /// <summary>A 400 naming <paramref name="param"/>.</summary>
    public static ApiException BadField(string param, string message) => new(400, message, param: param, code: "invalid_value");
}
