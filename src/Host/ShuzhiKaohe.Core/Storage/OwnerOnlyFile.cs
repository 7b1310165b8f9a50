namespace ShuzhiKaohe.Core.Storage;

/// <summary>Creates empty files readable and writable by their owner only (mode 0600 on Unix).</summary>
public static class OwnerOnlyFile
{
    /// <summary>Creates <paramref name="path"/>; throws <see cref="IOException"/> if it exists.</summary>
    public static void Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var _ = new FileStream(path, options);
    }
}
