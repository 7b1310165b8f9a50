using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Core.Inspection;

/// <summary>
/// The rules every sector shares (第六条: "不以开会发文、领导批示、记录留痕、信息宣传数量等评判工作好坏"). Each rule
/// is about WHAT IS COUNTED, not about a word: "会议" alone is fine ("群众对会议决定落实情况的满意度"), "会议次数" is
/// not. A rule pairs the counted thing with a counting word or a number written right beside it, joined only by
/// the verbs that name the act being counted (召开、印发、上报 …), so ordinary sentences that mention a meeting,
/// a document or the publicity work pass. Texts are NFKC-normalised and stripped of spaces before matching, so
/// full-width digits and "召开 会议 次数" are caught too. A plugin adds rules through
/// <see cref="ISectorRules.AdditionalFormalismRules"/>; it can never remove these.
/// </summary>
public static class CoreFormalismRules
{
    /// <summary>A clause boundary: a counted thing and its count must sit in one clause.</summary>
    internal const string InClause = "[^,;。!?:\\n]";

    /// <summary>Words that count: 次数、数量、篇数 … and "多少".</summary>
    private const string Count = "(?:次数|场次|数量|频次|频率|个数|件数|份数|篇数|条数|期数|页数|本数|总数|数目|多少|量)";

    /// <summary>A number with a unit written beside the thing ("3次", "十篇"); Chinese numerals too.</summary>
    private const string Number = "(?:\\d+|[一二三四五六七八九十两百千几]+)";

    private const string Meeting = "(?:会议|开会|座谈会|推进会|部署会|调度会|专题会|例会|学习会|报告会|党课|主题党日|组织生活会|民主生活会|三会一课|集中学习|培训班)";
    private const string MeetingVerb = "(?:召开|举办|举行|组织|开展|参加|参会|讲授|讲|上)";
    private const string MeetingJoin = "(?:召开|举办|举行|开展|组织|参加|的|每年|每季度|每月|全年|年均|年度|累计|共|不少于|至少|达到|以上)*";

    private const string Document = "(?:发文|文件|文稿|红头文件|通知|材料|制度文件|规范性文件)";
    private const string DocumentVerb = "(?:印发|下发|发文|出台|制发|转发|报送)";
    private const string DocumentJoin = "(?:印发|下发|出台|制发|转发|报送|制定|的|全年|累计|共|不少于|至少|达到)*";

    private const string Publicity = "(?:信息(?!化)|宣传|报道|简报|稿件|新闻|通讯|动态|推文|专报|公众号文章|宣传品)";
    private const string PublicityVerb = "(?:上报|报送|刊发|刊登|刊载|被采用|采用|发表|发布|推送|编发|播出)";
    private const string PublicityJoin = "(?:上报|报送|刊发|刊登|刊载|被采用|采用|发表|发布|推送|编发|播出|的|全年|累计|共|不少于|至少|达到)*";

    private const string Record = "(?:台账|记录|痕迹|档案|资料|笔记|会议纪要|工作日志|纪实|材料|佐证)";

    public static readonly FormalismRule MeetingCount = new("meeting-count",
        $"{Meeting}{MeetingJoin}{Count}" +
        $"|{MeetingVerb}{InClause}{{0,8}}?{Meeting}{MeetingJoin}{Count}" +
        $"|{Meeting}{MeetingJoin}{Number}(?:次|场|期)" +
        $"|{MeetingVerb}{InClause}{{0,6}}?{Number}(?:次|场|期){InClause}{{0,4}}?{Meeting}",
        "开会（会议、党课、学习）的次数或场次");

    public static readonly FormalismRule DocumentCount = new("document-count",
        $"{Document}{DocumentJoin}{Count}" +
        $"|{DocumentVerb}{InClause}{{0,8}}?{Document}{DocumentJoin}{Count}" +
        $"|{DocumentVerb}{InClause}{{0,6}}?{Number}(?:份|件|个|项|期)",
        "发文（文件、通知）的数量或份数");

    public static readonly FormalismRule InstructionCount = new("instruction-count",
        $"批示(?:的)?{Count}" +
        $"|批示{Number}(?:次|件|条|份)" +
        $"|(?:获得|获|得到|争取|取得){InClause}{{0,8}}?批示",
        "领导批示的次数或数量");

    public static readonly FormalismRule RecordKeeping = new("record-keeping",
        $"{Record}(?:的)?(?:是否|不)?(?:完整|齐全|齐备|完备|规范|详实|翔实|厚度|{Count})" +
        "|留痕",
        "记录留痕（台账、资料是否齐全、数量多少）");

    public static readonly FormalismRule PublicityCount = new("publicity-count",
        $"{Publicity}{PublicityJoin}{Count}" +
        $"|{PublicityVerb}{InClause}{{0,8}}?{Publicity}{PublicityJoin}{Count}" +
        $"|{PublicityVerb}{InClause}{{0,6}}?{Number}(?:篇|条|期|次)",
        "信息宣传（报道、简报、稿件）的数量或篇数");

    /// <summary>The five kinds 第六条 names, in its order.</summary>
    public static readonly IReadOnlyList<FormalismRule> All = [MeetingCount, DocumentCount, InstructionCount, RecordKeeping, PublicityCount];
}
