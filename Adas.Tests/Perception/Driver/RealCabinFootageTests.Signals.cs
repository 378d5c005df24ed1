using Adas.Perception.Signals;
using Adas.Tests.Perception.Signals;

namespace Adas.Tests.Perception.Driver;

public sealed partial class RealCabinFootageTests
{
    [Theory]
    [InlineData("drowsy_night_advert_1280x720.mp4")]
    [InlineData("frontal_awake_480x270.gif")]
    [InlineData("head_turns_480x270.gif")]
    [InlineData("phone_side_view_640x480.avi")]
    [InlineData("tired_driver_advert_640x360.mp4")]
    [InlineData("two_faces_tilted_480x270.gif")]
    public async Task The_rules_re_run_over_the_stored_signals_give_exactly_the_live_events(string clip)
    {
        var live = EventFingerprint.Of((await AnalyseAsync(clip)).Output.Events);

        var replayed = EventFingerprint.Of(RuleReplay.Run(SignalsOf(clip), RuleOptions.Defaults));

        Assert.Equal(live, replayed);
        var readings = DuckDbSignals.Scalar<int>($"SELECT count(*) FROM read_parquet('{SignalsOf(clip)}') WHERE face_present");
        Assert.True(readings > 0 || clip.StartsWith("phone_side", StringComparison.Ordinal), $"{readings} readings with a face");
    }
}
