using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Adas.Web.Api;

/// <summary>Streams one file from the browser to <c>POST /api/jobs</c>, reporting the bytes sent.</summary>
public static class JobUpload
{
    public static async Task<JobDto> SendAsync(this MediaApi media, Stream file, string fileName, string videoType, Guid? tripId,
        Guid? vehicleId, IProgress<long> sent, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(videoType), "videoType");
        if (tripId is { } trip) form.Add(new StringContent(trip.ToString()), "tripId");
        if (vehicleId is { } vehicle) form.Add(new StringContent(vehicle.ToString()), "vehicleId");
        var content = new StreamContent(new ProgressStream(file, sent), 256 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        using var response = await media.AsUser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = form }, ct);
        return (await response.Content.ReadFromJsonAsync<JobDto>(ApiJson.Options, ct))!;
    }
}
