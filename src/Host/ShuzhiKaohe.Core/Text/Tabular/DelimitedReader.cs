using System.Runtime.CompilerServices;
using System.Text;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Text.Tabular;

/// <summary>
/// CSV (RFC 4180: quoted fields may hold the delimiter, doubled quotes and line breaks) and TSV, read from a
/// buffer without a string per line: unquoted records (all of the real division files) are split in place.
/// A record longer than <see cref="MaxRecordChars"/> is reported, not held: a 1 MB field cannot exhaust memory.
/// </summary>
public sealed class DelimitedReader : ITabularReader
{
    /// <summary>The longest record accepted (in characters). No field of an organisation or a secretary comes near.</summary>
    public const int MaxRecordChars = 1 << 16;

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private char[] _buf = new char[1 << 15];
    private int _pos, _end;
    private bool _eof;
    private int _nextLine = 1;
    private char[] _scratch = new char[256];
    private char[] _source;
    private (int Start, int Length)[] _fields = new (int, int)[16];
    private int _fieldCount;

    public DelimitedReader(TextReader reader, char delimiter)
    {
        _reader = reader;
        _delimiter = delimiter;
        _source = _buf;
        if (!ReadRecord()) throw new InvalidInputException("文件为空：没有表头行（第1行应为列名，如 code,name,parent_code,level）");
        if (RecordError is not null) throw new InvalidInputException($"第{Line}行（表头）：{RecordError}");
        var header = new string[_fieldCount];
        for (var i = 0; i < header.Length; i++) header[i] = Field(i).ToString();
        Header = header;
    }

    public IReadOnlyList<string> Header { get; }
    public int Line { get; private set; }
    public int FieldCount => _fieldCount;
    public string? RecordError { get; private set; }

    public ReadOnlySpan<char> Field(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _fieldCount);
        var (start, length) = _fields[index];
        return _source.AsSpan(start, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        while (ReadRecord())
            if (RecordError is not null || _fieldCount > 1 || _fields[0].Length > 0) return true;
        return false; // blank lines are skipped (but counted)
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadRecord()
    {
        RecordError = null;
        _fieldCount = 0;
        Line = _nextLine;
        if (_pos == _end && !Fill()) return false;

        var scan = _pos;
        var inQuote = false;
        var sawQuote = false;
        int recordEnd, next;
        while (true)
        {
            var span = _buf.AsSpan(scan, _end - scan);
            var rel = inQuote ? span.IndexOf('"') : span.IndexOfAny('\n', '"');
            if (rel >= 0)
            {
                var at = scan + rel;
                if (_buf[at] == '"')
                {
                    sawQuote = true;
                    inQuote = !inQuote;
                    scan = at + 1;
                    continue;
                }
                recordEnd = at;
                next = at + 1;
                break;
            }
            if (_end - _pos >= MaxRecordChars)
            {
                SkipLongRecord();
                return true;
            }
            var offset = scan - _pos;
            if (!Fill())
            {
                if (inQuote) RecordError = "引号未闭合：从这一行开始的带引号字段直到文件末尾都没有结束";
                recordEnd = _end;
                next = _end;
                break;
            }
            scan = _pos + offset;
        }

        var record = _buf.AsSpan(_pos, recordEnd - _pos);
        if (sawQuote) _nextLine += record.Count('\n');
        _nextLine++;
        if (record.Length > 0 && record[^1] == '\r') record = record[..^1];
        var recordStart = _pos;
        _pos = next;
        if (RecordError is not null) return true;
        if (sawQuote) SplitQuoted(record);
        else SplitPlain(record, recordStart);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SplitPlain(ReadOnlySpan<char> record, int start)
    {
        _source = _buf;
        var i = 0;
        while (true)
        {
            var rel = record[i..].IndexOf(_delimiter);
            if (rel < 0)
            {
                AddField(start + i, record.Length - i);
                return;
            }
            AddField(start + i, rel);
            i += rel + 1;
        }
    }

    private void SplitQuoted(ReadOnlySpan<char> s)
    {
        if (_scratch.Length < s.Length) _scratch = new char[Math.Max(s.Length, _scratch.Length * 2)];
        _source = _scratch;
        var o = 0;
        var i = 0;
        while (true)
        {
            var fieldStart = o;
            if (i < s.Length && s[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= s.Length) break;
                    if (s[i] == '"')
                    {
                        if (i + 1 < s.Length && s[i + 1] == '"') { _scratch[o++] = '"'; i += 2; continue; }
                        i++;
                        break;
                    }
                    _scratch[o++] = s[i++];
                }
                if (i < s.Length && s[i] != _delimiter)
                    RecordError ??= $"第{AddedFieldNumber()}个字段的结束引号后还有其他字符（引号内的引号应写成两个引号）";
            }
            while (i < s.Length && s[i] != _delimiter) _scratch[o++] = s[i++];
            AddField(fieldStart, o - fieldStart);
            if (i >= s.Length) return;
            i++;
        }
    }

    private int AddedFieldNumber() => _fieldCount + 1;

    private void AddField(int start, int length)
    {
        if (_fieldCount == _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
        _fields[_fieldCount++] = (start, length);
    }

    /// <summary>A record too long to be real: drop it up to the next line break, and say so.</summary>
    private void SkipLongRecord()
    {
        RecordError = $"记录超过 {MaxRecordChars:N0} 个字符（字段过长，或引号未闭合），不予读取";
        while (true)
        {
            var rel = _buf.AsSpan(_pos, _end - _pos).IndexOf('\n');
            if (rel >= 0)
            {
                _pos += rel + 1;
                break;
            }
            _pos = _end;
            if (!Fill()) break;
        }
        _nextLine++;
        _fieldCount = 0;
    }

    /// <summary>Moves unread data to the front, grows the buffer for a long record, reads more. False at the end.</summary>
    private bool Fill()
    {
        if (_eof) return false;
        if (_pos > 0)
        {
            Array.Copy(_buf, _pos, _buf, 0, _end - _pos);
            _end -= _pos;
            _pos = 0;
        }
        if (_end == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2);
        int n;
        try
        {
            n = _reader.Read(_buf, _end, _buf.Length - _end);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidInputException(
                $"第{_nextLine}行附近：文件含有不符合所选编码的字节（{e.Message}）。GB18030/GBK 文件请用 --encoding gb18030，或让程序自动识别（auto）", e);
        }
        if (n == 0)
        {
            _eof = true;
            return false;
        }
        _end += n;
        return true;
    }

    public void Dispose() => _reader.Dispose();
}
