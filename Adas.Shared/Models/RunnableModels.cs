namespace Adas.Shared.Models;

/// <summary>
/// What the pipelines can run in each registry slot, as the layouts <see cref="OnnxModelInspector"/> recognises. A model
/// of another layout is refused at upload with <see cref="Needs"/>, so it never reaches a job. Change this when a
/// pipeline learns a new model kind (e.g. a 478-point landmark model in the face_landmarks slot).
/// </summary>
public static class RunnableModels
{
    public const int CocoClasses = 80;

    /// <summary>The side of the square RGB crop the sign classifier slot takes.</summary>
    public const int SignCropSize = 30;

    private static readonly Dictionary<OnnxModelTask, (string[] Layouts, string Needs)> Slots = new()
    {
        [OnnxModelTask.ObjectDetection] = ([$"yolox ({CocoClasses} classes)", $"ultralytics ({CocoClasses} classes)"],
            $"a COCO detector with exactly {CocoClasses} classes (the rules read COCO class ids: car 2, person 0, cell phone 67), "
            + "YOLOX [1,N,85] or Ultralytics [1,84,N] output"),
        [OnnxModelTask.SignClassification] = ([SignLayout("nhwc", SignCropSize)],
            $"a GTSRB classifier taking [N,{SignCropSize},{SignCropSize},3] RGB crops (NHWC) and giving [N,{OnnxModelInspector.GtsrbClasses}] scores"),
        [OnnxModelTask.FaceDetection] = (["yunet"], "a YuNet face detector"),
        [OnnxModelTask.FaceLandmarks] = (["pfld-68"],
            $"a PFLD 68-point model: [1,3,112,112] input, [1,{OnnxModelInspector.PfldOutputs}] output (FaceMesh is not run from this slot)"),
    };

    public static string SignLayout(string order, int size) => $"{order}-{size}x{size}";

    public static bool CanRun(OnnxModelTask task, string layout) => Slots[task].Layouts.Contains(layout);

    public static string Needs(OnnxModelTask task) => Slots[task].Needs;
}
