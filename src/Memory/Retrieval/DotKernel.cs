using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Agents.Memory.Retrieval;

/// <summary>
/// Dot products of one query with many rows, with no call per row, so a pass costs about as much as reading the
/// rows once. AVX-512 or AVX2 with FMA when the dimension is a multiple of the vector width; otherwise
/// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> per row. Deterministic on one machine;
/// the summation order (and so the last bits) follows the vector width, as TensorPrimitives' own does.
/// </summary>
internal static class DotKernel
{
    public static void DotRows(ReadOnlySpan<float> matrix, int dimension, ReadOnlySpan<float> query, Span<float> destination)
    {
        int rows = matrix.Length / dimension;
        if (Avx512F.IsSupported && dimension % Vector512<float>.Count == 0)
        {
            DotRows512(matrix, dimension, query, destination[..rows]);
        }
        else if (Fma.IsSupported && Avx.IsSupported && dimension % Vector256<float>.Count == 0)
        {
            DotRows256(matrix, dimension, query, destination[..rows]);
        }
        else
        {
            for (int i = 0; i < rows; i++)
            {
                destination[i] = TensorPrimitives.Dot(matrix.Slice(i * dimension, dimension), query);
            }
        }
    }

    // One row at a time, two accumulators: reading rows strictly in order keeps the hardware prefetcher on one
    // stream; interleaving four rows was faster in cache but twice as slow from memory (100k rows) on the test machine.
    private static void DotRows512(ReadOnlySpan<float> matrix, int dimension, ReadOnlySpan<float> query, Span<float> destination)
    {
        ref float m = ref MemoryMarshal.GetReference(matrix);
        ref float q = ref MemoryMarshal.GetReference(query);
        int width = Vector512<float>.Count;
        int pairs = dimension - (dimension % (2 * width));
        for (int row = 0; row < destination.Length; row++)
        {
            ref float r = ref Unsafe.Add(ref m, row * dimension);
            Vector512<float> a = Vector512<float>.Zero, b = a;
            int j = 0;
            for (; j < pairs; j += 2 * width)
            {
                a = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r, (nuint)j), Vector512.LoadUnsafe(ref q, (nuint)j), a);
                b = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r, (nuint)(j + width)), Vector512.LoadUnsafe(ref q, (nuint)(j + width)), b);
            }

            if (j < dimension)
            {
                a = Avx512F.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r, (nuint)j), Vector512.LoadUnsafe(ref q, (nuint)j), a);
            }

            destination[row] = Vector512.Sum(a + b);
        }
    }

    private static void DotRows256(ReadOnlySpan<float> matrix, int dimension, ReadOnlySpan<float> query, Span<float> destination)
    {
        ref float m = ref MemoryMarshal.GetReference(matrix);
        ref float q = ref MemoryMarshal.GetReference(query);
        int width = Vector256<float>.Count;
        int pairs = dimension - (dimension % (2 * width));
        for (int row = 0; row < destination.Length; row++)
        {
            ref float r = ref Unsafe.Add(ref m, row * dimension);
            Vector256<float> a = Vector256<float>.Zero, b = a;
            int j = 0;
            for (; j < pairs; j += 2 * width)
            {
                a = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref r, (nuint)j), Vector256.LoadUnsafe(ref q, (nuint)j), a);
                b = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref r, (nuint)(j + width)), Vector256.LoadUnsafe(ref q, (nuint)(j + width)), b);
            }

            if (j < dimension)
            {
                a = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref r, (nuint)j), Vector256.LoadUnsafe(ref q, (nuint)j), a);
            }

            destination[row] = Vector256.Sum(a + b);
        }
    }
}
