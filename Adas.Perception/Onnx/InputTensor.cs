using Microsoft.ML.OnnxRuntime;

namespace Adas.Perception.Onnx;

/// <summary>A pinned input buffer and the tensor over it, made once and refilled for every run.</summary>
public sealed class InputTensor<T> : IDisposable where T : unmanaged
{
    public InputTensor(params long[] shape)
    {
        Data = GC.AllocateArray<T>((int)shape.Aggregate(1L, (product, d) => product * d), pinned: true);
        Value = OrtValue.CreateTensorValueFromMemory(Data, shape);
    }

    public T[] Data { get; }
    public OrtValue Value { get; }

    public void Dispose() => Value.Dispose();
}
