using System.Buffers.Binary;
using System.Text;
using Agents.Runtime.Native;

namespace Agents.Runtime.Tests.Native;

public sealed class ElfVersionPatcherTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("elf-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Patching_sets_only_the_weak_flag_of_the_named_version_and_is_idempotent()
    {
        var path = Path.Combine(folder, "lib.so");
        var original = HandBuiltElf();
        File.WriteAllBytes(path, original);

        Assert.Equal(ElfVersionPatcher.Outcome.Patched, ElfVersionPatcher.MakeVersionWeak(path, "libstdc++.so.6", "GLIBCXX_3.4.32"));
        var patched = File.ReadAllBytes(path);
        var differences = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.Equal([FlagsOfSecondAux], differences);
        Assert.Equal(0x2, patched[FlagsOfSecondAux]);
        Assert.True(ElfVersionPatcher.IsVersionWeak(path, "libstdc++.so.6", "GLIBCXX_3.4.32"));
        Assert.False(ElfVersionPatcher.IsVersionWeak(path, "libstdc++.so.6", "GLIBCXX_3.4.30"));

        Assert.Equal(ElfVersionPatcher.Outcome.AlreadyWeak, ElfVersionPatcher.MakeVersionWeak(path, "libstdc++.so.6", "GLIBCXX_3.4.32"));
        Assert.Equal(patched, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void A_version_the_file_does_not_require_is_left_alone()
    {
        var path = Path.Combine(folder, "lib.so");
        File.WriteAllBytes(path, HandBuiltElf());
        Assert.Equal(ElfVersionPatcher.Outcome.NotRequired, ElfVersionPatcher.MakeVersionWeak(path, "libstdc++.so.6", "GLIBCXX_9.9"));
        Assert.Equal(ElfVersionPatcher.Outcome.NotRequired, ElfVersionPatcher.MakeVersionWeak(path, "libm.so.6", "GLIBCXX_3.4.32"));
        Assert.Equal(HandBuiltElf(), File.ReadAllBytes(path));
    }

    [Fact]
    public void A_file_that_is_not_elf_is_reported_with_its_path()
    {
        var path = Path.Combine(folder, "text.so");
        File.WriteAllText(path, new string('x', 100));
        var error = Assert.Throws<NativeLibraryPatchException>(() => ElfVersionPatcher.MakeVersionWeak(path, "libstdc++.so.6", "GLIBCXX_3.4.32"));
        Assert.Contains(path, error.Message);
        Assert.Contains("ELF", error.Message);
    }

    [Fact]
    public void A_truncated_section_table_is_reported_not_read_past_the_end()
    {
        var path = Path.Combine(folder, "cut.so");
        File.WriteAllBytes(path, HandBuiltElf()[..220]);
        var error = Assert.Throws<NativeLibraryPatchException>(() => ElfVersionPatcher.MakeVersionWeak(path, "libstdc++.so.6", "GLIBCXX_3.4.32"));
        Assert.Contains("section header table", error.Message);
    }

    [Fact]
    public void The_torch_library_beside_the_tests_loads_and_its_requirement_is_weak_where_the_system_lacks_it()
    {
        // On this Debian the system libstdc++ lacks GLIBCXX_3.4.32: torch must still load, through the patch.
        TorchNative.EnsureLoaded();
        Assert.True(TorchNative.IsAvailable);
        var copies = TorchNative.CandidateNativeLibraries();
        Assert.NotEmpty(copies);
        if (!TorchNative.SystemStdCppHasMissingVersion())
        {
            Assert.All(copies, c => Assert.True(ElfVersionPatcher.IsVersionWeak(c, TorchNative.StdCppLibrary, TorchNative.MissingVersion)));
        }
    }

    [Fact]
    public void Clearing_and_repatching_a_copy_of_the_real_torch_library_restores_the_same_bytes()
    {
        TorchNative.EnsureLoaded();
        var real = TorchNative.CandidateNativeLibraries()[0];
        var copy = Path.Combine(folder, "libLibTorchSharp.so");
        File.Copy(real, copy);
        var bytes = File.ReadAllBytes(copy);
        var at = ElfVersionPatcher.FindVernauxFlagsOffset(bytes, copy, "libstdc++.so.6", "GLIBCXX_3.4.32");
        Assert.True(at > 0, "TorchSharp 0.107.0's native library requires GLIBCXX_3.4.32");
        var patchedFlags = bytes[at];
        bytes[at] = (byte)(bytes[at] & ~0x2);
        File.WriteAllBytes(copy, bytes);

        Assert.Equal(ElfVersionPatcher.Outcome.Patched, ElfVersionPatcher.MakeVersionWeak(copy, "libstdc++.so.6", "GLIBCXX_3.4.32"));
        Assert.Equal(patchedFlags | 0x2, File.ReadAllBytes(copy)[at]);
    }

    [Fact]
    public void A_library_that_cannot_load_is_reported_as_such_with_its_cause()
    {
        var error = TorchNative.Unavailable(new DllNotFoundException("libLibTorchSharp.so: version `GLIBCXX_3.4.32' not found"));
        Assert.StartsWith("TorchSharp native library could not be loaded: libLibTorchSharp.so: version", error.Message);
        Assert.EndsWith("the rest of the framework works without it.", error.Message);
        Assert.IsType<DllNotFoundException>(error.InnerException);
    }

    private const int FlagsOfSecondAux = 112 + 32 + 4;

    /// <summary>A minimal ELF64 file: header, .dynstr, .gnu.version_r needing two versions of libstdc++.so.6, section table.</summary>
    private static byte[] HandBuiltElf()
    {
        var strings = Encoding.ASCII.GetBytes("\0libstdc++.so.6\0GLIBCXX_3.4.30\0GLIBCXX_3.4.32\0");
        Array.Resize(ref strings, 48);
        const int stringsAt = 64, verneedAt = 112, verneedSize = 48, sectionsAt = 160;
        var elf = new byte[sectionsAt + (3 * 64)];
        elf[0] = 0x7f; elf[1] = (byte)'E'; elf[2] = (byte)'L'; elf[3] = (byte)'F'; elf[4] = 2; elf[5] = 1; elf[6] = 1;
        var span = elf.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(span[0x28..], sectionsAt);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x3A..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x3C..], 3);
        strings.CopyTo(span[stringsAt..]);

        var need = span[verneedAt..];
        BinaryPrimitives.WriteUInt16LittleEndian(need, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(need[2..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(need[4..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(need[8..], 16);
        WriteAux(span[(verneedAt + 16)..], name: 16, next: 16, other: 2);
        WriteAux(span[(verneedAt + 32)..], name: 31, next: 0, other: 3);

        WriteSection(span[(sectionsAt + 64)..], type: 3, offset: stringsAt, size: 48, link: 0, info: 0);
        WriteSection(span[(sectionsAt + 128)..], type: 0x6ffffffe, offset: verneedAt, size: verneedSize, link: 1, info: 1);
        return elf;
    }

    private static void WriteAux(Span<byte> aux, uint name, uint next, ushort other)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(aux, 0x12345);
        BinaryPrimitives.WriteUInt16LittleEndian(aux[6..], other);
        BinaryPrimitives.WriteUInt32LittleEndian(aux[8..], name);
        BinaryPrimitives.WriteUInt32LittleEndian(aux[12..], next);
    }

    private static void WriteSection(Span<byte> header, uint type, ulong offset, ulong size, uint link, uint info)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], type);
        BinaryPrimitives.WriteUInt64LittleEndian(header[24..], offset);
        BinaryPrimitives.WriteUInt64LittleEndian(header[32..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], link);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], info);
    }
}
