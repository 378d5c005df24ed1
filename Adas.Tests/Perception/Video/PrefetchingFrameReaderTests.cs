using Adas.Perception.Video;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Perception.Video;

/// <summary>The decode → prepare → consume pipeline keeps frame order and surfaces a failing prepare step.</summary>
public sealed class PrefetchingFrameReaderTests
{
    private static readonly string Clip = TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4");

    [Fact]
    public async Task Every_frame_is_prepared_in_order_before_the_consumer_sees_it()
    {
        using var source = new VideoFrameSource(Clip);
        var prepared = new List<int>();
        var consumed = new List<int>();
        await using (var reader = new PrefetchingFrameReader(source, 4, CancellationToken.None, frame =>
                     {
                         lock (prepared) prepared.Add(frame.Index);
                     }))
        {
            await foreach (var frame in reader.ReadAllAsync(CancellationToken.None))
            {
                lock (prepared) Assert.Contains(frame.Index, prepared);
                consumed.Add(frame.Index);
                reader.Recycle(frame);
            }
        }

        Assert.Equal(source.Info.FrameCount, consumed.Count);
        Assert.Equal(Enumerable.Range(0, consumed.Count), consumed);
        Assert.Equal(consumed, prepared);
    }

    [Fact]
    public async Task A_failing_prepare_step_ends_the_read_with_its_error()
    {
        using var source = new VideoFrameSource(Clip);
        var consumed = 0;
        await using var reader = new PrefetchingFrameReader(source, 4, CancellationToken.None, frame =>
        {
            if (frame.Index == 10) throw new InvalidOperationException("detector failed");
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var frame in reader.ReadAllAsync(CancellationToken.None))
            {
                consumed++;
                reader.Recycle(frame);
            }
        });
        Assert.Equal("detector failed", error.Message);
        Assert.Equal(10, consumed);
    }
}
