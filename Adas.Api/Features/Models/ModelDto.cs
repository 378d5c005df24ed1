using Adas.Data.Entities;

namespace Adas.Api.Features.Models;

public sealed record ModelDto(Guid Id, ModelTask Task, string Version, string FileName, string Sha256, long SizeBytes,
    string? InputShape, string? OutputShape, bool IsActive, Guid? UploadedById, DateTime CreatedAt)
{
    public static ModelDto From(ModelVersion m) => new(m.Id, m.Task, m.Version, m.FileName, m.Sha256, m.SizeBytes,
        m.InputShape, m.OutputShape, m.IsActive, m.UploadedById, m.CreatedAt);
}
