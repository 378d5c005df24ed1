namespace Adas.Api.Features.Shared;

public sealed record CountBy<TKey>(TKey Key, int Count);
