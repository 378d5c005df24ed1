using Adas.Data.Entities;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Models.Upload;

/// <summary>multipart/form-data: the .onnx file, the task it is for and a version label unique within the task.</summary>
public sealed class Request
{
    public IFormFile? File { get; set; }
    public ModelTask? Task { get; set; }
    public string Version { get; set; } = "";
}

public sealed class Validator : Validator<Request>
{
    public const long MaxBytes = 512L * 1024 * 1024;

    public Validator()
    {
        RuleFor(r => r.File).NotNull().WithMessage("'file' (the .onnx model) is required.");
        RuleFor(r => r.File!.Length).InclusiveBetween(1, MaxBytes).When(r => r.File is not null).OverridePropertyName("file")
            .WithMessage($"'file' must hold between 1 byte and {MaxBytes / (1024 * 1024)} MiB.");
        RuleFor(r => r.File!.FileName).Must(n => n.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
            .When(r => r.File is not null).OverridePropertyName("file").WithMessage("'file' must be an .onnx model.");
        RuleFor(r => r.Task).NotNull().IsInEnum()
            .WithMessage("'task' must be object_detection, sign_classification, face_detection or face_landmarks.");
        RuleFor(r => r.Version).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9][A-Za-z0-9._+-]*$");
    }
}
