using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Adas.Data;

/// <summary>All times are stored as UTC; SQLite gives them back without a kind, so it is restored on read.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
