using System.IO.Compression;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Text.Tabular;

/// <summary>An opened table and what was found out about it.</summary>
/// <param name="Format">csv, tsv or xlsx.</param>
/// <param name="Encoding">The text encoding found or chosen (xlsx: "xlsx").</param>
public sealed record OpenedTable(ITabularReader Reader, string Format, string Encoding, bool Compressed, FileStream File) : IDisposable
{
    /// <summary>How far through the file (in bytes of the file on disk) reading has come: for a progress bar.</summary>
    public (long Done, long Total) Position => File.CanSeek ? (File.Position, File.Length) : (0, 0);

    public void Dispose() => Reader.Dispose();
}

/// <summary>
/// Opens an import file: CSV, TSV or XLSX, plain or gzip-compressed (read directly, never unpacked to disk), its
/// text encoding detected (UTF-8 with or without BOM, GB18030/GBK, UTF-16 with BOM) or chosen by the operator.
/// </summary>
public static class TabularFile
{
    private const int SampleBytes = 1 << 16;

    public static OpenedTable Open(string path, EncodingChoice encoding = EncodingChoice.Auto)
    {
        if (!File.Exists(path)) throw new NotFoundException($"文件不存在：{path}");
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Stream stream = file;
        try
        {
            var name = Path.GetFileName(path).ToLowerInvariant();
            var compressed = false;
            var magic = new byte[4];
            var m = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
            stream.Position = 0;
            if (m >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
                compressed = true;
                if (name.EndsWith(".gz", StringComparison.Ordinal)) name = name[..^3];
            }
            if (name.EndsWith(".xls", StringComparison.Ordinal))
                throw new InvalidInputException($"不支持 Excel 97-2003 的 .xls 格式：请在 Excel 中另存为 .xlsx 或 CSV（{path}）");

            var sample = new byte[SampleBytes];
            var n = stream.ReadAtLeast(sample, SampleBytes, throwOnEndOfStream: false);
            var isZip = n >= 4 && sample[0] == (byte)'P' && sample[1] == (byte)'K' && sample[2] == 3 && sample[3] == 4;
            if (isZip || name.EndsWith(".xlsx", StringComparison.Ordinal) || name.EndsWith(".xlsm", StringComparison.Ordinal))
                return new OpenedTable(new XlsxReader(Seekable(sample, n, stream)), "xlsx", "xlsx", compressed, file);

            var detected = TextEncodings.Detect(sample.AsSpan(0, n), complete: n < SampleBytes, encoding);
            var delimiter = name.EndsWith(".tsv", StringComparison.Ordinal) || name.EndsWith(".tab", StringComparison.Ordinal) ? '\t'
                : name.EndsWith(".csv", StringComparison.Ordinal) ? ',' : Sniff(sample.AsSpan(0, n));
            var text = new StreamReader(new PrefixedStream(sample, detected.BomLength, n - detected.BomLength, stream),
                detected.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            return new OpenedTable(new DelimitedReader(text, delimiter), delimiter == '\t' ? "tsv" : "csv", detected.Name, compressed, file);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Tab-separated when the first line has a tab and no comma.</summary>
    private static char Sniff(ReadOnlySpan<byte> sample)
    {
        var nl = sample.IndexOf((byte)'\n');
        var first = nl < 0 ? sample : sample[..nl];
        return first.Contains((byte)'\t') && !first.Contains((byte)',') ? '\t' : ',';
    }

    /// <summary>XLSX needs to seek (it is a zip): a compressed one is unpacked into memory.</summary>
    private static Stream Seekable(byte[] sample, int n, Stream rest)
    {
        if (rest.CanSeek)
        {
            rest.Position = 0;
            return rest;
        }
        var memory = new MemoryStream();
        memory.Write(sample, 0, n);
        rest.CopyTo(memory);
        rest.Dispose();
        memory.Position = 0;
        return memory;
    }
}
