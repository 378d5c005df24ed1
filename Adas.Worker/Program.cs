using Adas.Worker.Cli;
using Adas.Worker.Extensions;

if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWorkerServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseQueueGauges();

await app.RunAsync();
return 0;
