namespace Adas.Api.Features.Jobs.Create;

/// <summary>An upload streamed to a temporary file; the caller moves or deletes <see cref="TempPath"/>.</summary>
public sealed record ReceivedUpload(
    string TempPath,
    string FileName,
    string Extension,
    string Container,
    long SizeBytes,
    string Sha256,
    IReadOnlyDictionary<string, string> Fields);
