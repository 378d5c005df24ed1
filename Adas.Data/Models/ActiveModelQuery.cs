using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Adas.Data.Models;

/// <summary>
/// Which registered model version is active for each task, read fresh on every call so a worker picks up a newly
/// activated version for its next job without a restart. Paths are full paths under <see cref="DataPaths.Models"/>.
/// </summary>
public static class ActiveModelQuery
{
    /// <summary>The active model file of every task; null for a task with no active version (use the built-in default).</summary>
    public static async Task<IReadOnlyDictionary<ModelTask, string?>> ActiveModelsAsync(this AdasDbContext db, DataPaths paths,
        CancellationToken ct = default)
    {
        var active = await db.ModelVersions.AsNoTracking().Where(m => m.IsActive)
            .Select(m => new { m.Task, m.StoragePath, m.CreatedAt }).ToListAsync(ct);
        return Enum.GetValues<ModelTask>().ToDictionary(task => task, task => active.Where(m => m.Task == task)
            .OrderByDescending(m => m.CreatedAt).Select(m => (string?)paths.ModelFile(m.StoragePath)).FirstOrDefault());
    }

    /// <summary>A stored model path (relative to the models folder, or absolute) as a full path.</summary>
    public static string ModelFile(this DataPaths paths, string storagePath) => Path.GetFullPath(Path.Combine(paths.Models, storagePath));
}
