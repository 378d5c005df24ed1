namespace Adas.Perception.Road.Tracking;

/// <summary>
/// Where an object's TTC comes from this frame: its pixels (<see cref="Estimator"/>), nowhere yet
/// (<see cref="Pending"/>: too new to have matches), or, with neither, its box.
/// </summary>
public readonly record struct AppearanceEstimate(TimeToCollisionEstimator? Estimator, bool Pending);
