// The signals table format moved to Adas.Shared (the API reads it without the vision stack); the pipelines use it everywhere.
global using Adas.Shared.Signals;
