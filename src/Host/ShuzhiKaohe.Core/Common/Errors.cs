namespace ShuzhiKaohe.Core.Common;

/// <summary>
/// A failure the operator can act on. Each kind maps to one exit code of the CLI and one kind of message in
/// the console; the message is Chinese and, for a rule of the measures, starts with its article (第N条).
/// </summary>
public abstract class ShuzhiException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The CLI's exit code: 1 refused, 3 not found or not permitted.</summary>
    public abstract int ExitCode { get; }
}

/// <summary>A rule of the 2019 measures refuses the change. The message begins with the article.</summary>
public sealed class RuleViolationException(string article, string message)
    : ShuzhiException($"{article}：{message}")
{
    public string Article { get; } = article;
    public override int ExitCode => 1;
}

/// <summary>Input that cannot be taken: a bad file, a bad value, a state that does not allow the step.</summary>
public sealed class InvalidInputException(string message, Exception? inner = null) : ShuzhiException(message, inner)
{
    public override int ExitCode => 1;
}

/// <summary>The thing named does not exist.</summary>
public sealed class NotFoundException(string message) : ShuzhiException(message)
{
    public override int ExitCode => 3;
}

/// <summary>The operator may not do this (role or scope).</summary>
public sealed class NotPermittedException(string message) : ShuzhiException(message)
{
    public override int ExitCode => 3;
}

/// <summary>The database cannot be used as it is (missing folder, newer schema, damaged file).</summary>
public sealed class StorageException(string message, Exception? inner = null) : ShuzhiException(message, inner)
{
    public override int ExitCode => 1;
}
