namespace Adas.Perception.Events;

public static class EventTypes
{
    public const string ForwardCollisionWarning = "forward_collision_warning";
    public const string CloseFollowing = "close_following";
    public const string PedestrianCollisionWarning = "pedestrian_collision_warning";
    public const string LaneDeparture = "lane_departure";
    public const string TrafficSign = "traffic_sign";
    public const string Microsleep = "microsleep";
    public const string Sleep = "sleep";
    public const string Speeding = "speeding";
    public const string Drowsiness = "drowsiness";
    public const string Yawning = "yawning";
    public const string Distraction = "distraction";
    public const string PhoneUse = "phone_use";
    public const string CameraObstructed = "camera_obstructed";
    public const string DriverAbsent = "driver_absent";
}
