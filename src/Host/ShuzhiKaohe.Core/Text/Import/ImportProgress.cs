namespace ShuzhiKaohe.Core.Text.Import;

/// <summary>Where a long import is: a phase (读取, 校验, 写入) and how far through it.</summary>
/// <param name="Total">0 when not known yet (reading a compressed file).</param>
public readonly record struct ImportProgress(string Phase, long Done, long Total);
