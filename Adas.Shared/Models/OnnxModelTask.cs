namespace Adas.Shared.Models;

/// <summary>What a registered model is for; each task has its own expected input and output shapes.</summary>
public enum OnnxModelTask { ObjectDetection, SignClassification, FaceDetection, FaceLandmarks }
