using ShuzhiKaohe.Core.Text;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Text;

public sealed class TextRepairTests
{
    [Theory]
    [InlineData("为坚持和加强党的全面领导,,,,,,完善制度", "为坚持和加强党的全面领导，完善制度")]
    [InlineData("制定本办法。。。。。", "制定本办法。")]
    [InlineData("党委(党组)书记", "党委（党组）书记")]
    [InlineData("市(地、州、盟)、县", "市（地、州、盟）、县")]
    [InlineData("地址:武汉市", "地址：武汉市")]
    [InlineData("坚持书记抓;抓书记", "坚持书记抓；抓书记")]
    [InlineData("党委,政府", "党委，政府")]
    [InlineData("办法(2019)发布", "办法（2019）发布")]
    [InlineData("第２０２３号ＡＢｃ", "第2023号ABc")]
    [InlineData("  武汉市\u3000江岸区  ", "武汉市江岸区")]
    [InlineData("Wuhan   Party\tCommittee", "Wuhan Party Committee")]
    public void Damaged_text_is_repaired(string damaged, string expected)
    {
        Assert.True(TextRepair.RepairField(damaged, out var repaired));
        Assert.Equal(expected, repaired);
    }

    [Theory]
    [InlineData("武汉市江岸区")]
    [InlineData("中共武汉市委员会（市直机关工委）")]
    [InlineData("a,b (c): d;e")]
    [InlineData("邮箱:mail@whfhg.com")]
    [InlineData("1,000")]
    public void Clean_text_is_reported_unchanged(string clean)
    {
        Assert.False(TextRepair.RepairField(clean, out var repaired));
        Assert.Same(clean, repaired);
    }

    [Fact]
    public void Free_text_keeps_its_paragraphs_and_drops_trailing_blanks()
    {
        Assert.True(TextRepair.RepairText("第一条 总则,,,,,,如下。。。。。\r\n\r\n\r\n第二条  细则  \n\n", out var text));
        Assert.Equal("第一条 总则，如下。\n\n第二条 细则", text);
    }

    [Fact]
    public void The_regulation_file_is_repaired_article_by_article()
    {
        var path = Path.Combine(RepoPaths.SharedData, "..", "regulation", "measures-2019.txt");
        var original = File.ReadAllText(path);
        Assert.True(TextRepair.RepairText(original, out var text));
        Assert.DoesNotContain(",,", text);
        Assert.DoesNotContain("。。", text);
        Assert.Contains("党委（党组）书记抓基层党建工作述职评议考核", text);
        Assert.Contains("第一条 为坚持和加强党的全面领导，完善党委（党组）书记", text);
        Assert.Contains("地址：武汉市长江日报路77号投资大厦", text);
        for (var n = 1; n <= 8; n++)
            Assert.Contains($"第{"一二三四五六七八"[n - 1]}条", text);
        // Repairing again changes nothing: the repair is idempotent.
        Assert.False(TextRepair.RepairText(text, out _));
    }
}
