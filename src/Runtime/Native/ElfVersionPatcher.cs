using System.Buffers.Binary;
using System.Text;

namespace Agents.Runtime.Native;

/// <summary>
/// Marks one required symbol version of an ELF64 shared library as weak (VER_FLG_WEAK in the Vernaux entry of
/// .gnu.version_r), so that the dynamic loader accepts a system library that lacks that version. Idempotent; the
/// file is rewritten through a temporary file and an atomic rename.
/// </summary>
public static class ElfVersionPatcher
{
    private const ushort VerFlagWeak = 0x2;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    /// <summary>What <see cref="MakeVersionWeak"/> found and did.</summary>
    public enum Outcome
    {
        /// <summary>The flag was set and the file rewritten.</summary>
        Patched,

        /// <summary>The flag was already set; nothing was written.</summary>
        AlreadyWeak,

        /// <summary>The file does not require that version from that library; nothing was written.</summary>
        NotRequired,
    }

    /// <summary>Sets VER_FLG_WEAK on the requirement of <paramref name="version"/> from <paramref name="library"/> in the file at <paramref name="path"/>.</summary>
    /// <exception cref="NativeLibraryPatchException">The file is not a little-endian ELF64 file or its version tables are malformed.</exception>
    public static Outcome MakeVersionWeak(string path, string library, string version)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = FindVernauxFlagsOffset(bytes, path, library, version);
        if (offset < 0)
        {
            return Outcome.NotRequired;
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset));
        if ((flags & VerFlagWeak) != 0)
        {
            return Outcome.AlreadyWeak;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), (ushort)(flags | VerFlagWeak));
        var temp = path + ".patch-" + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temp, bytes);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
        }

        File.Move(temp, path, overwrite: true);
        return Outcome.Patched;
    }

    /// <summary>True when the requirement of <paramref name="version"/> from <paramref name="library"/> is present and weak.</summary>
    public static bool IsVersionWeak(string path, string library, string version)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = FindVernauxFlagsOffset(bytes, path, library, version);
        return offset >= 0 && (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)) & VerFlagWeak) != 0;
    }

    /// <summary>The file offset of vna_flags for the requirement, or -1 when the file does not require it.</summary>
    internal static int FindVernauxFlagsOffset(ReadOnlySpan<byte> elf, string path, string library, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new NativeLibraryPatchException($"{path}: expected an ELF file (magic 7f 45 4c 46), found other bytes.");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new NativeLibraryPatchException($"{path}: expected a 64-bit little-endian ELF file, found class {elf[4]} and data encoding {elf[5]}.");
        }

        var sectionTable = ReadOffset(elf, 0x28, path);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        if (entrySize < 64 || sectionTable + ((long)entrySize * count) > elf.Length)
        {
            throw new NativeLibraryPatchException($"{path}: section header table ({count} entries of {entrySize} bytes at {sectionTable}) lies outside the file of {elf.Length} bytes.");
        }

        for (var i = 0; i < count; i++)
        {
            var header = elf.Slice(checked((int)(sectionTable + (i * entrySize))), entrySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtGnuVerneed)
            {
                continue;
            }

            var start = ReadOffset(header, 24, path);
            var size = ReadOffset(header, 32, path);
            var link = BinaryPrimitives.ReadUInt32LittleEndian(header[40..]);
            var needCount = BinaryPrimitives.ReadUInt32LittleEndian(header[44..]);
            if (start + size > elf.Length || link >= count)
            {
                throw new NativeLibraryPatchException($"{path}: section .gnu.version_r (offset {start}, size {size}, link {link}) is malformed.");
            }

            var strings = elf.Slice(checked((int)(sectionTable + (link * entrySize))), entrySize);
            var stringsStart = ReadOffset(strings, 24, path);
            var stringsSize = ReadOffset(strings, 32, path);
            if (stringsStart + stringsSize > elf.Length)
            {
                throw new NativeLibraryPatchException($"{path}: the string table of .gnu.version_r lies outside the file.");
            }

            var table = elf.Slice((int)stringsStart, (int)stringsSize);
            return FindInVerneed(elf, (int)start, (int)(start + size), needCount, table, path, library, version);
        }

        return -1;
    }

    private static int FindInVerneed(
        ReadOnlySpan<byte> elf, int start, int end, uint needCount, ReadOnlySpan<byte> strings, string path, string library, string version)
    {
        var need = start;
        for (var n = 0; n < needCount; n++)
        {
            if (need < start || need + 16 > end)
            {
                throw new NativeLibraryPatchException($"{path}: Verneed entry {n} at offset {need} lies outside .gnu.version_r.");
            }

            var auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[(need + 2)..]);
            var file = ReadString(strings, BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 4)..]), path);
            var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 8)..]);
            if (file == library)
            {
                for (var a = 0; a < auxCount; a++)
                {
                    if (aux < start || aux + 16 > end)
                    {
                        throw new NativeLibraryPatchException($"{path}: Vernaux entry {a} of {library} at offset {aux} lies outside .gnu.version_r.");
                    }

                    if (ReadString(strings, BinaryPrimitives.ReadUInt32LittleEndian(elf[(aux + 8)..]), path) == version)
                    {
                        return aux + 4;
                    }

                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(aux + 12)..]);
                }
            }

            var next = BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 12)..]);
            if (next == 0)
            {
                break;
            }

            need += (int)next;
        }

        return -1;
    }

    private static long ReadOffset(ReadOnlySpan<byte> span, int at, string path)
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(span[at..]);
        return value > int.MaxValue
            ? throw new NativeLibraryPatchException($"{path}: offset {value} at header position {at} is larger than this patcher handles.")
            : (long)value;
    }

    private static string ReadString(ReadOnlySpan<byte> strings, uint at, string path)
    {
        if (at >= strings.Length)
        {
            throw new NativeLibraryPatchException($"{path}: string index {at} lies outside the string table of {strings.Length} bytes.");
        }

        var rest = strings[(int)at..];
        var length = rest.IndexOf((byte)0);
        return Encoding.ASCII.GetString(length < 0 ? rest : rest[..length]);
    }
}
