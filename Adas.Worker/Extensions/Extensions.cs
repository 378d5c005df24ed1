using Adas.Data;
using Adas.Data.Queue;

namespace Adas.Worker.Extensions;

public static class Extensions
{
    public static void AddWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAdasData(builder.Configuration);
        builder.Services.AddAdasRedis(builder.Configuration);
    }
}
