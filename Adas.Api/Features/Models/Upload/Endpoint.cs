using System.Security.Cryptography;
using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Models;
using Adas.Data.Entities;
using Adas.Shared.Models;
using FastEndpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Models.Upload;

/// <summary>
/// Registers an ONNX model version: the upload is streamed to disk while hashing, loaded with ONNX Runtime and its
/// shapes checked against the task; a file that fails is deleted and answered with a 400 naming the problem.
/// </summary>
public sealed class Endpoint(AdasDbContext db, DataPaths paths) : Endpoint<Request, ModelDto>
{
    public override void Configure()
    {
        Post("/models");
        Roles(AppRoles.Admin);
        AllowFileUploads();
        // Kestrel's 30 MB body default and the form reader's 128 MiB default would otherwise win over the documented cap.
        Options(b => b.WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes)).WithFormOptions(multipartBodyLengthLimit: MaxBodyBytes));
        Description(b => b.ClearDefaultProduces(200).Produces<ModelDto>(StatusCodes.Status201Created));
        Summary(s =>
        {
            s.Summary = "Upload and validate an ONNX model for a task (admins)";
            s.Responses[409] = "This version of the task's model exists.";
        });
    }

    private const long MaxBodyBytes = Upload.Validator.MaxBytes + 64 * 1024;

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var task = req.Task!.Value;
        var version = req.Version.Trim();
        if (await db.ModelVersions.AnyAsync(m => m.Task == task && m.Version == version, ct))
        { await Send.ResultAsync(Problems.Conflict($"Version {version} of {OnnxModelInspector.Name(Map(task))} exists.")); return; }

        var id = Guid.CreateVersion7();
        var relative = Path.Combine(OnnxModelInspector.Name(Map(task)), $"{id:N}.onnx");
        var target = paths.ModelFile(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".part";
        string sha256;
        var saved = false;
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await using (var input = req.File!.OpenReadStream())
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await input.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var inspection = OnnxModelInspector.Inspect(temp, Map(task));
            if (!inspection.IsValid) ThrowError(r => r.File!, inspection.Error!);
            File.Move(temp, target);

            var model = new ModelVersion
            {
                Id = id, Task = task, Version = version, FileName = Path.GetFileName(req.File!.FileName), StoragePath = relative,
                Sha256 = sha256, SizeBytes = req.File.Length, InputShape = Truncate(inspection.InputShape),
                OutputShape = Truncate(inspection.OutputShape), UploadedById = CurrentUser.From(User).Id,
            };
            db.ModelVersions.Add(model);
            await db.SaveChangesAsync(ct);
            saved = true;
            await Send.CreatedAtAsync<Get.Endpoint>(new { id = model.Id }, ModelDto.From(model), cancellation: ct);
        }
        finally
        {
            File.Delete(temp);
            if (!saved) File.Delete(target);
        }
    }

    private static OnnxModelTask Map(ModelTask task) => Enum.Parse<OnnxModelTask>(task.ToString());

    private static string Truncate(string value) => value.Length <= 512 ? value : value[..509] + "...";
}
