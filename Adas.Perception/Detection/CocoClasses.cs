namespace Adas.Perception.Detection;

/// <summary>COCO class indices used by the pipelines, and the default road (ADAS) class set.</summary>
public static class CocoClasses
{
    public const int Person = 0;
    public const int Bicycle = 1;
    public const int Car = 2;
    public const int Motorcycle = 3;
    public const int Bus = 5;
    public const int Truck = 7;
    public const int TrafficLight = 9;
    public const int StopSign = 11;
    public const int CellPhone = 67;

    public static IReadOnlySet<int> Road { get; } =
        new HashSet<int> { Person, Bicycle, Car, Motorcycle, Bus, Truck, TrafficLight, StopSign };

    public static bool IsVehicle(int classId) => classId is Car or Motorcycle or Bus or Truck;

    public static bool IsVulnerableRoadUser(int classId) => classId is Person or Bicycle;
}
