namespace Adas.Perception.Road.Tracking;

public enum TrackState { Tentative, Confirmed, Lost }
