using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Adas.Tests.Jobs;

/// <summary>The job API as a client sees it.</summary>
public static class JobClient
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient api, string path, string videoType = "dashcam",
        string? fileName = null)
    {
        await using var file = File.OpenRead(path);
        return await api.UploadAsync(file, fileName ?? Path.GetFileName(path), videoType);
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient api, Stream content, string fileName, string videoType = "dashcam")
    {
        using var form = new MultipartFormDataContent();
        var fileContent = new StreamContent(content);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(new StringContent(videoType), "videoType");
        form.Add(fileContent, "file", fileName);
        // As curl does for large bodies: the server can refuse (413) before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = form };
        request.Headers.ExpectContinue = true;
        return await api.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<Guid> UploadJobAsync(this HttpClient api, string path, string videoType = "dashcam")
    {
        using var response = await api.UploadAsync(path, videoType);
        if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
            throw new InvalidOperationException($"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetJobAsync(this HttpClient api, Guid id) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");

    /// <summary>Polls the job until the condition holds; fails with the last state seen after the timeout.</summary>
    public static async Task<JsonElement> WaitForAsync(this HttpClient api, Guid id, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement job;
        do
        {
            job = await api.GetJobAsync(id);
            if (condition(job)) return job;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"job {id} did not reach the expected state in {timeout.TotalSeconds:0} s; last: {job}");
    }

    public static Task<JsonElement> WaitForFinalAsync(this HttpClient api, Guid id, TimeSpan timeout) =>
        api.WaitForAsync(id, j => j.GetProperty("status").GetString() is "completed" or "failed" or "cancelled", timeout);

    public static string Status(this JsonElement job) => job.GetProperty("status").GetString()!;
}
