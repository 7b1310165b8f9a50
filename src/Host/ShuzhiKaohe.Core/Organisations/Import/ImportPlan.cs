namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>What happens to each row of a valid import.</summary>
internal enum RowAction : byte { Insert, Update, Reactivate, Unchanged }

/// <summary>The validated import: an action per row and the organisations to mark dissolved.</summary>
internal sealed record ImportPlan(RowAction[] Actions, IReadOnlyList<string> ToDissolve, bool EmptyTable)
{
    private int[]? _counts;

    /// <summary>How many rows take the action (counted once for all four: 665,276 rows).</summary>
    public int Count(RowAction action)
    {
        if (_counts is null)
        {
            var counts = new int[4];
            foreach (var a in Actions) counts[(int)a]++;
            _counts = counts;
        }
        return _counts[(int)action];
    }
}
