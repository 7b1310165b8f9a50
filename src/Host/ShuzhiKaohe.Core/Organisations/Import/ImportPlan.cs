namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>What happens to each row of a valid import.</summary>
internal enum RowAction : byte { Insert, Update, Reactivate, Unchanged }

/// <summary>The validated import: an action per row and the organisations to mark dissolved.</summary>
internal sealed record ImportPlan(RowAction[] Actions, IReadOnlyList<string> ToDissolve, bool EmptyTable)
{
    public int Count(RowAction action) => Actions.Count(a => a == action);
}
