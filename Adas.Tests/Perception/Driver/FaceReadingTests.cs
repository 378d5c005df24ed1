using Adas.Perception.Driver;
using Adas.Perception.Driver.Vision;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

public sealed class FaceReadingTests : IDisposable
{
    private readonly DriverFaceReader _reader = new(DriverImages.Models, new DriverOptions());

    [Fact]
    public void Probe()
    {
        using var image = DriverImages.GraceHopper();
        var r = _reader.ReadStill(image)!;
        File.AppendAllText("/tmp/driver-probe.txt", $"box {r.Face.Box} score {r.Face.Score} ear {r.RightEar:0.000}/{r.LeftEar:0.000} mar {r.Mar:0.000} pose {r.Pose}" + "\n");
        using var closed = DriverImages.PaintEyesClosed(image, r);
        var c = _reader.ReadStill(closed)!;
        File.AppendAllText("/tmp/driver-probe.txt", $"closed ear {c.RightEar:0.000}/{c.LeftEar:0.000} pose {c.Pose}" + "\n");
        Cv2.ImWrite("/tmp/driver-closed.png", closed);
        foreach (var (kept, lash) in new[] { (0.05f, 0f), (0.15f, 0f), (0.05f, 0.03f), (0.0f, 0.0f), (0.3f, 0f) })
        {
            using var shut = DriverImages.SqueezeEyesShut(image, r, kept, lash);
            var q = _reader.ReadStill(shut)!;
            File.AppendAllText("/tmp/driver-probe.txt", $"squeezed {kept} {lash} ear {q.RightEar:0.000}/{q.LeftEar:0.000} pose {q.Pose}\n");
            foreach (var p in q.Landmarks.Skip(36).Take(12)) Cv2.Circle(shut, (Point)p, 1, OpenCvSharp.Scalar.Lime, -1);
            Cv2.ImWrite($"/tmp/driver-shut-{kept}.png", shut);
            using var onCanvas = DriverImages.OnCanvas(shut);
            var qc = _reader.ReadStill(onCanvas)!;
            File.AppendAllText("/tmp/driver-probe.txt", $"squeezed on canvas {kept} ear {qc.RightEar:0.000}/{qc.LeftEar:0.000}\n");
        }
        foreach (var deg in new[] { -15.0, 15.0 })
        {
            using var rot = DriverImages.Rotate(image, deg);
            var x = _reader.ReadStill(rot)!;
            File.AppendAllText("/tmp/driver-probe.txt", $"rot {deg}: ear {x.Ear:0.000} pose {x.Pose}" + "\n");
        }
        var nose = r.Landmarks[30];
        foreach (var right in new[] { true, false })
        {
            using var sq = DriverImages.SqueezeSide(image, nose.X, right, 0.6f);
            var x = _reader.ReadStill(sq)!;
            File.AppendAllText("/tmp/driver-probe.txt", $"squeeze right={right}: ear {x.Ear:0.000} pose {x.Pose}" + "\n");
            Cv2.ImWrite($"/tmp/driver-squeeze-{right}.png", sq);
        }
        using var canvas = DriverImages.OnCanvas(image);
        var k = _reader.ReadStill(canvas)!;
        File.AppendAllText("/tmp/driver-probe.txt", $"canvas: box {k.Face.Box} ear {k.Ear:0.000} pose {k.Pose}" + "\n");
        var mesh = new DriverFaceReader(DriverImages.Models, new DriverOptions { Landmarks = LandmarkModelKind.FaceMesh });
        var m = mesh.ReadStill(image)!;
        File.AppendAllText("/tmp/driver-probe.txt", $"mesh: ear {m.RightEar:0.000}/{m.LeftEar:0.000} mar {m.Mar:0.000} pose {m.Pose}" + "\n");
        var mc = mesh.ReadStill(closed)!;
        File.AppendAllText("/tmp/driver-probe.txt", $"mesh closed: ear {mc.RightEar:0.000}/{mc.LeftEar:0.000} pose {mc.Pose}" + "\n");
        mesh.Dispose();
        using var draw = image.Clone();
        foreach (var p in r.Landmarks) Cv2.Circle(draw, (Point)p, 2, OpenCvSharp.Scalar.Lime, -1);
        Cv2.ImWrite("/tmp/driver-landmarks.png", draw);
    }

    public void Dispose() => _reader.Dispose();
}
