using Adas.Perception.Driver;
using Adas.Perception.Road.Rules;
using Adas.Perception.Road.Signs;

namespace Adas.Perception.Signals;

/// <summary>Everything the event rules are configured with, for both pipelines.</summary>
public sealed record RuleOptions(RoadEventOptions Road, SignOptions Signs, DriverOptions Driver)
{
    public static RuleOptions Defaults { get; } = new(new RoadEventOptions(), new SignOptions(), new DriverOptions());
}
