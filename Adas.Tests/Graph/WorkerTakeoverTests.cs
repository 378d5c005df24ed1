using System.Diagnostics;
using Adas.Data.Queue;
using Adas.ServiceDefaults;
using Adas.Tests.Infrastructure;
using Adas.Tests.Jobs;
using StackExchange.Redis;

namespace Adas.Tests.Graph;

/// <summary>Two worker replicas on one consumer group: when the one running a job dies, the other finishes it, once.</summary>
// One AppHost at a time: DCP reuses a stopped resource's port on restart, which another running graph could take.
[Collection(GraphCollection.Name)]
public sealed class WorkerTakeoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_job_whose_worker_replica_is_killed_mid_run_is_finished_by_the_other_replica_with_one_set_of_results()
    {
        var options = GraphFixture.FastQueueOptions() with { WorkerReplicas = 2 };
        await using var graph = await GraphLauncher.StartAsync(options, TestContext.Current.CancellationToken);
        var media = TestPaths.NewTempDirectory("adas-takeover");
        try
        {
            await graph.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, graph.States(ResourceNames.Worker).Count(state => state == "Running"));
            using var api = await graph.LoginAsync(GraphLauncher.AdminEmail, GraphLauncher.AdminPassword);

            const int repeats = 4;
            var clip = await EventfulClip.RepeatedApproachAsync(media, repeats);
            var id = await api.UploadJobAsync(clip);
            await api.WaitForAsync(id, j => j.Status() == "processing" && j.GetProperty("progress").GetInt32() >= 5, TimeSpan.FromMinutes(2));

            var victim = await ProcessHoldingTheJobAsync(graph);
            using (var process = Process.GetProcessById(victim)) process.Kill(entireProcessTree: true);

            var job = await api.WaitForFinalAsync(id, TimeSpan.FromMinutes(5));
            Assert.Equal("completed", job.Status());
            Assert.Equal(2, job.GetProperty("attempts").GetInt32());
            Assert.Equal(EventfulClip.FramesPerApproach * repeats, job.GetProperty("summary").GetProperty("frames").GetInt32());
            Assert.Contains(graph.Logs.Lines, line => line.Contains("Taking over message"));
            Assert.Equal(1, graph.States(ResourceNames.Worker).Count(state => state == "Running"));

            var jobId = id.ToString().ToUpperInvariant();
            var events = job.GetProperty("summary").GetProperty("events").GetInt32();
            Assert.True(events >= repeats, $"{events} events for {repeats} approaches");
            Assert.Equal(events, Count(graph, $"SELECT COUNT(*) FROM safety_events WHERE JobId = '{jobId}'"));
            Assert.Equal(0, Count(graph, $"SELECT COUNT(*) FROM (SELECT 1 FROM safety_events WHERE JobId = '{jobId}' GROUP BY StartSeconds, Type, TrackId HAVING COUNT(*) > 1)"));
            Assert.Single(Directory.GetFiles(Path.Combine(graph.DataDirectory, "storage", "results", id.ToString("N")), "*.mp4"));
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(150));
            throw;
        }
        finally
        {
            Directory.Delete(media, recursive: true);
            await graph.DisposeAsync();
            Directory.Delete(options.DataDirectory, recursive: true);
        }
    }

    /// <summary>The pending entry's consumer is named worker-HOST-PID by the replica that read it.</summary>
    private static async Task<int> ProcessHoldingTheJobAsync(RunningGraph graph)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await graph.RedisConnectionStringAsync());
        var pending = await redis.GetDatabase().StreamPendingMessagesAsync(JobQueue.StreamKey, JobQueue.GroupName, 10, RedisValue.Null);
        var consumer = Assert.Single(pending).ConsumerName.ToString();
        return int.Parse(consumer[(consumer.LastIndexOf('-') + 1)..]);
    }

    private static long Count(RunningGraph graph, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(graph.DatabaseConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
