namespace Adas.Data.Entities;

public enum UserRole { Admin, Manager, Driver, Viewer }

public enum TripStatus { Planned, Active, Completed, Cancelled }

public enum VideoType { Dashcam, InCabin }

public enum JobStatus { Queued, Processing, Completed, Failed, Cancelled }

public enum Severity { Info, Warning, Critical }

public enum AlertStatus { Open, Acknowledged, Resolved }

public enum ModelTask { ObjectDetection, SignClassification, FaceDetection, FaceLandmarks }

/// <summary>Where a safety event stands in people's review: warnings and criticals start needing review, info events do not.</summary>
public enum ReviewState { NeedsReview, NotRequired, Confirmed, Coachable, Coached, Dismissed }

/// <summary>Why a reviewer dismissed an event as a false alarm.</summary>
public enum DismissReason { NotAHazard, WrongObject, CameraOrVideoProblem, NotTheDriver, Duplicate, Other }
