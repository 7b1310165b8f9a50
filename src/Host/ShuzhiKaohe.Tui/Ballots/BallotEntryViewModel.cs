using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Security;

namespace ShuzhiKaohe.Tui.Ballots;

/// <summary>
/// Keying paper ballot sheets (测评票, 第五条) at the speed of reading them: the serial fills itself, one key per
/// reporter in roster order (1 好, 2 较好, 3 一般, 4 差, 0 blank) moves on by itself, Backspace steps back, v voids
/// the sheet, Enter saves it. Turnout against the sheets issued is always shown; the running count per reporter
/// only to roles that may see results (a clerk may not, issue 9 §3). A serial already keyed is refused as soon as
/// it is set, not after the marks.
/// </summary>
public sealed class BallotEntryViewModel(long campaignId, CampaignService campaigns, BallotService ballots, BallotKeying keying, Authorizer auth)
{
    private Grade?[] _marks = [];
    private bool[] _keyed = [];

    public long CampaignId { get; } = campaignId;

    public Campaign Campaign { get; private set; } = null!;

    /// <summary>The reporters in the order the paper sheet lists them (the roster's order).</summary>
    public IReadOnlyList<Assessee> Reporters { get; private set; } = [];

    public BallotKeyingStatus Status { get; private set; } = null!;

    public string Serial { get; private set; } = "";

    public bool IsVoid { get; private set; }

    /// <summary>The reporter the next key marks.</summary>
    public int Cursor { get; private set; }

    public bool IsComplete => IsVoid || _keyed.All(k => k);

    /// <summary>Whether this operator may see running results (BallotResultsRead); a clerk may not.</summary>
    public bool ShowsResults { get; private set; }

    /// <summary>The running tally per reporter code, when <see cref="ShowsResults"/>.</summary>
    public IReadOnlyDictionary<string, BallotCounts> Running { get; private set; } = new Dictionary<string, BallotCounts>();

    public Grade? MarkOf(int reporter) => _marks[reporter];

    public bool IsKeyed(int reporter) => _keyed[reporter];

    public void Load()
    {
        Campaign = campaigns.Get(CampaignId);
        Reporters = campaigns.Assessees(CampaignId);
        ShowsResults = auth.Can(Permission.BallotResultsRead, Campaign.OrganiserCode);
        Refresh();
        NewSheet();
    }

    /// <summary>A digit key: 1–4 a grade, 0 a blank; marks the current reporter and moves on. False for other keys.</summary>
    public bool Key(char digit)
    {
        Grade? mark;
        switch (digit)
        {
            case '0': mark = null; break;
            case >= '1' and <= '4': mark = (Grade)(digit - '0'); break;
            default: return false;
        }
        if (IsVoid) throw new InvalidInputException("本张测评票已标为作废：按 v 取消作废，或 Enter 保存");
        if (Cursor >= Reporters.Count) throw new InvalidInputException("本张测评票已录完：按 Enter 保存，或 Backspace 更正");
        _marks[Cursor] = mark;
        _keyed[Cursor] = true;
        Cursor++;
        return true;
    }

    /// <summary>Steps back one reporter and clears its mark (or un-voids the sheet).</summary>
    public void Backspace()
    {
        if (IsVoid)
        {
            IsVoid = false;
            return;
        }
        if (Cursor == 0) return;
        Cursor--;
        _marks[Cursor] = null;
        _keyed[Cursor] = false;
    }

    /// <summary>Marks the whole sheet void (or not): a void sheet carries no marks.</summary>
    public void ToggleVoid() => IsVoid = !IsVoid;

    /// <summary>Sets the serial of the sheet in hand; one already keyed is refused at once (第五条).</summary>
    public void SetSerial(string serial)
    {
        var s = serial.Trim();
        if (BallotService.SerialProblem(s) is { } bad) throw new InvalidInputException(bad);
        if (keying.IsKeyed(CampaignId, s))
            throw new RuleViolationException("第五条", $"测评票 {s} 已录入，同一张票不能录入两次");
        Serial = s;
    }

    /// <summary>Saves the sheet through Core and starts the next one with the next serial. Returns what was saved.</summary>
    public string Save()
    {
        if (!IsComplete)
            throw new InvalidInputException($"还有 {_keyed.Count(k => !k)} 名述职人未录入（空白按 0），或按 v 整张作废");
        var marks = IsVoid
            ? new Dictionary<string, Grade?>()
            : Reporters.Select((r, i) => (r.Entry.OrgCode, _marks[i])).ToDictionary(x => x.OrgCode, x => x.Item2, StringComparer.Ordinal);
        var serial = Serial;
        try
        {
            ballots.AddSheet(CampaignId, new BallotSheetInput(serial, IsVoid, marks));
        }
        catch (ShuzhiException)
        {
            // Another clerk may have keyed this serial meanwhile: the counts and the next serial are read again.
            Refresh();
            if (keying.IsKeyed(CampaignId, serial)) Serial = Status.NextSerial;
            throw;
        }
        var saved = IsVoid ? $"已保存测评票 {serial}（作废）" : $"已保存测评票 {serial}";
        Refresh();
        NewSheet();
        return saved;
    }

    /// <summary>Records the number of sheets handed out (发放), for turnout.</summary>
    public void Issue(int count)
    {
        ballots.Issue(CampaignId, count);
        Refresh();
    }

    public void Refresh()
    {
        Status = keying.Status(CampaignId);
        Running = ShowsResults
            ? ballots.Tally(CampaignId).Value.Assessees.ToDictionary(a => a.Code, a => a.Counts, StringComparer.Ordinal)
            : new Dictionary<string, BallotCounts>();
    }

    private void NewSheet()
    {
        _marks = new Grade?[Reporters.Count];
        _keyed = new bool[Reporters.Count];
        Cursor = 0;
        IsVoid = false;
        Serial = Status.NextSerial;
    }
}
