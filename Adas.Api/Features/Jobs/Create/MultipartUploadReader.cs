using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Adas.Api.Features.Jobs.Create;

/// <summary>
/// Reads a multipart upload section by section, streaming the file to disk while hashing it, so memory use
/// stays constant whatever the size. Checks extension, magic bytes and the size limit (of the whole body) as the bytes
/// arrive; parts without a name and repeated field names are refused.
/// </summary>
public sealed class MultipartUploadReader(string incomingDirectory, long maxBytes)
{
    private const int BufferSize = 256 * 1024;

    public async Task<ReceivedUpload> ReadAsync(HttpContext context, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
            throw new UploadProblem(415, "Unsupported media type", "Send the video as multipart/form-data with a 'file' part.");

        // The size limit is checked up front when the length is declared, else while streaming; either way a clear 413.
        if (context.Request.ContentLength > maxBytes + FormOverheadBytes) throw TooLarge();
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;

        var body = new BodyLengthLimit(context.Request.Body, maxBytes + FormOverheadBytes, TooLarge);
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = null };
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ReceivedUpload? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                    throw new UploadProblem(400, "Invalid upload", "Every part needs a Content-Disposition header with a name.");
                if (disposition.IsFileDisposition())
                {
                    if (!name.Equals("file", StringComparison.OrdinalIgnoreCase) || file is not null)
                        throw new UploadProblem(400, "Invalid upload", "Send exactly one file, in a part named 'file'.");
                    var fileName = VideoSignature.SafeFileName(HeaderUtilities.RemoveQuotes(
                        disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                    file = await SaveAsync(section.Body, fileName, ct);
                }
                else
                {
                    if (fields.Count >= 16) throw new UploadProblem(400, "Invalid upload", "Too many form fields.");
                    if (fields.ContainsKey(name)) throw new UploadProblem(400, "Invalid upload", $"The form field '{name}' is given more than once.");
                    fields[name] = await ReadFieldAsync(section.Body, name, ct);
                }
            }
        }
        catch (InvalidDataException malformed)
        {
            if (file is not null) File.Delete(file.TempPath);
            throw new UploadProblem(400, "Invalid upload", $"The multipart body is malformed: {malformed.Message}");
        }
        catch
        {
            if (file is not null) File.Delete(file.TempPath);
            throw;
        }

        if (file is null) throw new UploadProblem(400, "Invalid upload", "The request has no 'file' part.");
        return file with { Fields = fields };
    }

    /// <summary>What the whole body may carry beyond the file: boundaries, part headers and the small form fields.</summary>
    private const int FormOverheadBytes = 64 * 1024;
    private const int MaxFieldBytes = 1024;

    private UploadProblem TooLarge() => new(413, "File too large", $"The upload exceeds the limit of {maxBytes:N0} bytes.");

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        if (length > MaxFieldBytes) throw new UploadProblem(400, "Invalid upload", $"The form field '{name}' is too long.");
        return System.Text.Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    private async Task<ReceivedUpload> SaveAsync(Stream body, string fileName, CancellationToken ct)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!VideoSignature.Extensions.Contains(extension))
            throw new UploadProblem(400, "Unsupported file type",
                $"'{fileName}' is not an accepted video; accepted extensions: {string.Join(", ", VideoSignature.Extensions)}.");

        Directory.CreateDirectory(incomingDirectory);
        var tempPath = Path.Combine(incomingDirectory, $"{Guid.NewGuid():N}.upload");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[BufferSize];
            var header = new byte[VideoSignature.HeaderLength];
            var headerLength = 0;
            long size = 0;
            await using (var output = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes) throw TooLarge();
                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(read, header.Length - headerLength);
                        buffer.AsSpan(0, take).CopyTo(header.AsSpan(headerLength));
                        headerLength += take;
                    }
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (size == 0) throw new UploadProblem(400, "Empty file", $"'{fileName}' is empty.");
            var container = VideoSignature.Match(extension, header.AsSpan(0, headerLength))
                ?? throw new UploadProblem(400, "Not a video",
                    $"'{fileName}' does not start like a {extension[1..].ToUpperInvariant()} video; its content does not match its extension.");
            return new ReceivedUpload(tempPath, fileName, extension, container, size,
                Convert.ToHexStringLower(hash.GetHashAndReset()), new Dictionary<string, string>());
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }
}
