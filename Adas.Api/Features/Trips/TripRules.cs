
namespace Adas.Api.Features.Trips;

public static class TripRules
{
    public const double MaxDistanceKm = 5000;
    public const int MaxNotesLength = 2000;
}
