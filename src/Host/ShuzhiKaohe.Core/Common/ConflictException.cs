namespace ShuzhiKaohe.Core.Common;

/// <summary>
/// Another operator changed the record since it was read (its row version moved): the change is not made, so
/// nobody's work is silently overwritten. The operator reads it again and decides.
/// </summary>
public sealed class ConflictException(string what, long expected, long? found)
    : ShuzhiException(found is null
        ? $"{what}已被其他操作员删除或不存在，本次修改未保存"
        : $"{what}已被其他操作员修改（你读到的版本 {expected}，现为 {found}），本次修改未保存：请重新读取后再改")
{
    public override int ExitCode => 1;
}
