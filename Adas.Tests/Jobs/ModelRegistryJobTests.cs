using System.Net;
using System.Net.Http.Headers;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Jobs;

/// <summary>A model version activated in the registry is what the worker uses for the next job, without a restart.</summary>
[Collection(GraphCollection.Name)]
public sealed class ModelRegistryJobTests(GraphFixture graph)
{
    [Fact]
    public async Task The_next_job_runs_with_the_newly_activated_detector()
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(TestPaths.Asset("models/yolox_nano.onnx")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "yolox_nano_fleet.onnx");
        form.Add(new StringContent("object_detection"), "task");
        form.Add(new StringContent($"v{Guid.NewGuid():N}"[..10]), "version");
        using var uploaded = await graph.Api.PostAsync("/api/models", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var modelId = (await uploaded.JsonAsync()).GetProperty("id").GetGuid();
        using (var activated = await graph.Api.PostAsync($"/api/models/{modelId}/activate", null))
            Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());

        var clip = await MediaFactory.UniqueTestClipAsync(graph.WorkDirectory, "model");
        var job = await graph.Api.WaitForFinalAsync(await graph.Api.UploadJobAsync(clip), TimeSpan.FromMinutes(1));

        Assert.Equal("completed", job.Status());
        var detector = job.GetProperty("summary").GetProperty("models").GetProperty("objectDetector").GetString();
        Assert.NotEqual("yolox_nano.onnx", detector);
        Assert.Contains(modelId.ToString("N"), detector);
    }
}
