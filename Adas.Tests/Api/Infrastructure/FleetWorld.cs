using System.Text;
using Adas.Data.Entities;

namespace Adas.Tests.Api.Infrastructure;

/// <summary>
/// One fleet with a driver, a vehicle, a finished trip, a job with an event and its open alert, a registered model,
/// and a caller of the given role in that fleet (a driver caller is the fleet's driver). Paths and bodies may use
/// {fleet}, {driver}, {vehicle}, {trip}, {job}, {event}, {alert}, {model}, {caller} and {unique}.
/// </summary>
public sealed class FleetWorld
{
    public required Fleet Fleet { get; init; }
    public required TestUser Caller { get; init; }
    public required HttpClient Client { get; init; }
    public required TestUser Driver { get; init; }
    public required Vehicle Vehicle { get; init; }
    public required Trip Trip { get; init; }
    public required VideoJob Job { get; init; }
    public required SafetyEvent Event { get; init; }
    public required Alert Alert { get; init; }
    public required ModelVersion Model { get; init; }

    public static async Task<FleetWorld> CreateAsync(ApiFactory api, UserRole callerRole)
    {
        var fleet = await api.CreateFleetAsync();
        var driver = await api.CreateUserAsync(UserRole.Driver, fleet.Id);
        var caller = callerRole switch
        {
            UserRole.Driver => driver,
            UserRole.Admin => await api.CreateUserAsync(UserRole.Admin),
            _ => await api.CreateUserAsync(callerRole, fleet.Id),
        };
        var vehicle = await api.CreateVehicleAsync(fleet.Id);
        var trip = await api.CreateTripAsync(driver.Id, fleet.Id, vehicle.Id);
        var job = await api.CreateJobAsync(driver.Id, trip.Id);
        var (safetyEvent, alert) = await api.CreateEventAsync(job);
        var model = await api.WithDbAsync(async db =>
        {
            var m = new ModelVersion
            {
                Task = ModelTask.FaceDetection, Version = $"v-{Guid.NewGuid():N}", FileName = "m.onnx", StoragePath = "face_detection/m.onnx",
                Sha256 = new string('0', 64),
            };
            db.ModelVersions.Add(m);
            await db.SaveChangesAsync();
            return m;
        });
        return new FleetWorld
        {
            Fleet = fleet, Caller = caller, Client = await api.LoginAsync(caller), Driver = driver, Vehicle = vehicle, Trip = trip,
            Job = job, Event = safetyEvent, Alert = alert!, Model = model,
        };
    }

    public string Fill(string template) => new StringBuilder(template)
        .Replace("{fleet}", Fleet.Id.ToString())
        .Replace("{driver}", Driver.Id.ToString())
        .Replace("{vehicle}", Vehicle.Id.ToString())
        .Replace("{trip}", Trip.Id.ToString())
        .Replace("{job}", Job.Id.ToString())
        .Replace("{event}", Event.Id.ToString())
        .Replace("{alert}", Alert.Id.ToString())
        .Replace("{model}", Model.Id.ToString())
        .Replace("{caller}", Caller.Id.ToString())
        .Replace("{unique}", Guid.NewGuid().ToString("N")[..12])
        .ToString();

    public Task<HttpResponseMessage> SendAsync(string method, string path, string? body = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (body is not null) request.Content = new StringContent(Fill(body), Encoding.UTF8, "application/json");
        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
