namespace Adas.Data.Entities;

public enum UserRole { Admin, Manager, Driver, Viewer }

public enum TripStatus { Planned, Active, Completed, Cancelled }

public enum VideoType { Dashcam, InCabin }

public enum JobStatus { Queued, Processing, Completed, Failed, Cancelled }

public enum Severity { Info, Warning, Critical }

public enum AlertStatus { Open, Acknowledged, Resolved }

public enum ModelTask { ObjectDetection, SignClassification, FaceDetection, FaceLandmarks }
