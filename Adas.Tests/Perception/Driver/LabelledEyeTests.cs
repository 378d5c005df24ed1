using Adas.Perception.Driver;
using Adas.Perception.Driver.Vision;
using Adas.Tests.Infrastructure;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

/// <summary>
/// Eye state on real, labelled pictures, through the pipeline's own code: the eye-region models the pipeline runs on
/// each eye crop (for the 40 single-eye crops, which have no face around them), and the whole face reader (face
/// detector, 478-point landmarks, eye-region models) for the three face photos. Open or closed is judged against the
/// eyes-closed threshold of a driver not yet calibrated (the model's population prior), as on a video's first frames.
/// </summary>
public sealed class LabelledEyeTests
{
    private static readonly LandmarkProfile Profile = new DriverOptions().Profile;
    private static readonly double Threshold = Profile.EyesClosedThreshold(Profile.PriorOpenEar);

    [Fact]
    public void At_least_95_percent_of_the_40_labelled_eye_crops_are_read_right()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, ".assets", "media", "dev", "labelled", "eyes"), "*.jpg").Order().ToArray();
        Assert.Equal(40, files.Length);
        using var eyes = new EyeRegionReader(DriverImages.Models.EyeRegion, DriverImages.Models.EyeState);

        var wrong = new List<string>();
        foreach (var file in files)
        {
            using var image = Cv2.ImRead(file, ImreadModes.Color);
            var reading = eyes.ReadEyeImage(image);
            var closed = EyeRegionReader.ToEarScale(reading.Openness) < Threshold;
            var labelledClosed = Path.GetFileName(file).Split('_')[1][0] == 'c';
            if (closed != labelledClosed) wrong.Add($"{Path.GetFileName(file)} openness {reading.Openness:0.000}");
        }

        Assert.True(wrong.Count <= 2, $"{40 - wrong.Count}/40 right; wrong: {string.Join(", ", wrong)}");
    }

    [Theory]
    [InlineData("closed_closed.jpg", true, true)]
    [InlineData("closed_open.jpg", true, false)] // a wink: the eye on the image's left (the person's right) is shut
    [InlineData("open_open.jpg", false, false)]
    public void Each_eye_of_the_three_labelled_faces_is_read_right(string file, bool rightClosed, bool leftClosed)
    {
        using var reader = new DriverFaceReader(DriverImages.Models, new DriverOptions());
        using var image = Cv2.ImRead(TestPaths.Asset($"media/dev/labelled/faces/{file}"), ImreadModes.Color);

        var reading = reader.ReadStill(image) ?? throw new Xunit.Sdk.XunitException("No face found.");

        Assert.Equal("face_landmarker_478", reading.Layout.Name);
        Assert.NotNull(reading.RightEyeRegion);
        Assert.True(rightClosed == reading.RightEar < Threshold, $"right eye EAR {reading.RightEar:0.000}, threshold {Threshold:0.000}");
        Assert.True(leftClosed == reading.LeftEar < Threshold, $"left eye EAR {reading.LeftEar:0.000}, threshold {Threshold:0.000}");
    }
}
