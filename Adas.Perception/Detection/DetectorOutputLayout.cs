namespace Adas.Perception.Detection;

/// <summary>How a detector's single output tensor is laid out.</summary>
public enum DetectorOutputLayout
{
    /// <summary>YOLOX: [1, N, 5 + nc], grid-relative (tx, ty, tw, th), objectness, class scores.</summary>
    Yolox,

    /// <summary>Ultralytics (YOLOv8/11 export): [1, 4 + nc, N], absolute (cx, cy, w, h) and class scores, no objectness.</summary>
    Ultralytics,
}
