using OpenCvSharp;

namespace Adas.Perception.Detection;

/// <summary>Pure decode of a detector output tensor (YOLOX or Ultralytics layout) into frame-space detections, NMS included.</summary>
public static class DetectorOutputDecoder
{
    private static readonly int[] YoloxStrides = [8, 16, 32];

    public static List<Detection> Decode(DetectorOutputLayout layout, ReadOnlySpan<float> output, int rows, int columns,
        DecodeParameters parameters)
    {
        var candidates = layout == DetectorOutputLayout.Yolox
            ? DecodeYolox(output, rows, columns, parameters)
            : DecodeUltralytics(output, rows, columns, parameters);
        return NonMaxSuppression.ClassAgnostic(candidates, parameters.NmsIouThreshold);
    }

    /// <summary>YOLOX rows over the stride 8/16/32 grids, row-major: [tx, ty, tw, th, obj, cls...], obj and cls already sigmoid.</summary>
    public static List<Detection> DecodeYolox(ReadOnlySpan<float> output, int rows, int columns, DecodeParameters p)
    {
        var classCount = columns - 5;
        var result = new List<Detection>();
        var row = 0;
        foreach (var stride in YoloxStrides)
        {
            var gridW = p.InputWidth / stride;
            var gridH = p.InputHeight / stride;
            for (var gy = 0; gy < gridH; gy++)
            for (var gx = 0; gx < gridW; gx++, row++)
            {
                if (row >= rows) return result;
                var r = output.Slice(row * columns, columns);
                var objectness = r[4];
                if (objectness < p.ScoreThreshold) continue;
                var (classId, classScore) = BestClass(r[5..], classCount, p);
                var score = objectness * classScore;
                if (classId < 0 || score < p.ScoreThreshold) continue;
                var cx = (r[0] + gx) * stride;
                var cy = (r[1] + gy) * stride;
                var w = MathF.Exp(r[2]) * stride;
                var h = MathF.Exp(r[3]) * stride;
                result.Add(ToFrame(cx, cy, w, h, classId, score, p));
            }
        }
        return result;
    }

    /// <summary>Ultralytics [4 + nc, N] (channel-major): cx, cy, w, h in network pixels, then class scores.</summary>
    public static List<Detection> DecodeUltralytics(ReadOnlySpan<float> output, int channels, int anchors, DecodeParameters p)
    {
        var classCount = channels - 4;
        var result = new List<Detection>();
        for (var a = 0; a < anchors; a++)
        {
            var classId = -1;
            var best = p.ScoreThreshold;
            for (var c = 0; c < classCount; c++)
            {
                var score = output[(4 + c) * anchors + a];
                if (score >= best && p.Accepts(c)) (classId, best) = (c, score);
            }
            if (classId < 0) continue;
            result.Add(ToFrame(output[a], output[anchors + a], output[2 * anchors + a], output[3 * anchors + a], classId, best, p));
        }
        return result;
    }

    private static (int ClassId, float Score) BestClass(ReadOnlySpan<float> scores, int classCount, DecodeParameters p)
    {
        var classId = -1;
        var best = 0f;
        for (var c = 0; c < classCount; c++)
            if (scores[c] > best && p.Accepts(c)) (classId, best) = (c, scores[c]);
        return (classId, best);
    }

    private static Detection ToFrame(float cx, float cy, float w, float h, int classId, float score, DecodeParameters p)
    {
        var box = new Rect2f((cx - w / 2) / p.Scale, (cy - h / 2) / p.Scale, w / p.Scale, h / p.Scale);
        return new Detection(box, classId, p.NameOf(classId), score);
    }
}
