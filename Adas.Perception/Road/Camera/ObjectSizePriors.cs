using Adas.Perception.Detection;

namespace Adas.Perception.Road.Camera;

/// <summary>Typical real size of each road class: rear width for vehicles, standing height for people.</summary>
public readonly record struct ObjectSizePriors(double Meters, bool UsesHeight)
{
    public static ObjectSizePriors For(int classId) => classId switch
    {
        CocoClasses.Car => new(1.8, false),
        CocoClasses.Truck => new(2.5, false),
        CocoClasses.Bus => new(2.55, false),
        CocoClasses.Motorcycle => new(0.8, false),
        CocoClasses.Bicycle => new(1.1, true),
        CocoClasses.Person => new(1.7, true),
        CocoClasses.StopSign => new(0.75, false),
        CocoClasses.TrafficLight => new(0.9, true),
        _ => new(1.0, false),
    };
}
