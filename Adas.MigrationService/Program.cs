using Adas.Data;
using Adas.Data.Seeding;
using Adas.MigrationService;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddAdasData(builder.Configuration);
builder.Services.AddScoped<AdminSeeder>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddHostedService<MigrationWorker>();

var host = builder.Build();
await host.RunAsync();
return Environment.ExitCode;
