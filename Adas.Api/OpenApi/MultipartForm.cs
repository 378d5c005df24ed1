namespace Adas.Api.OpenApi;

/// <summary>
/// Documents the multipart form of an endpoint that reads its body as a stream itself. Not <c>Accepts&lt;T&gt;</c>: that
/// would let routing answer other content types with a bare 415 before the endpoint can explain what to send.
/// </summary>
public sealed record MultipartForm(Type FormType);
