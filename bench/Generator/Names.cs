namespace ShuzhiKaohe.Bench.Generator;

/// <summary>
/// Realistic Chinese personal names, deterministic from a stream: surnames weighted roughly by their frequency in
/// China (王、李、张、刘、陈 lead), given names of one or (mostly) two characters from the characters common in names
/// of people now in their forties and fifties — the age of Party secretaries.
/// </summary>
public static class Names
{
    // (surname, weight ‰ of the population, rounded): the hundred most common, plus two compound surnames.
    private static readonly (string Surname, int Weight)[] Surnames =
    [
        ("王", 72), ("李", 72), ("张", 68), ("刘", 54), ("陈", 46), ("杨", 32), ("赵", 20), ("黄", 20), ("周", 18), ("吴", 18),
        ("徐", 13), ("孙", 13), ("胡", 11), ("朱", 11), ("高", 10), ("林", 10), ("何", 10), ("郭", 10), ("马", 9), ("罗", 8),
        ("梁", 7), ("宋", 6), ("郑", 6), ("谢", 6), ("韩", 6), ("唐", 6), ("冯", 6), ("于", 5), ("董", 5), ("萧", 5),
        ("程", 5), ("曹", 5), ("袁", 5), ("邓", 5), ("许", 5), ("傅", 4), ("沈", 4), ("曾", 4), ("彭", 4), ("吕", 4),
        ("苏", 4), ("卢", 4), ("蒋", 4), ("蔡", 4), ("贾", 4), ("丁", 3), ("魏", 3), ("薛", 3), ("叶", 3), ("阎", 3),
        ("余", 3), ("潘", 3), ("杜", 3), ("戴", 3), ("夏", 3), ("钟", 3), ("汪", 3), ("田", 3), ("任", 3), ("姜", 3),
        ("范", 3), ("方", 3), ("石", 3), ("姚", 3), ("谭", 3), ("廖", 2), ("邹", 2), ("熊", 2), ("金", 2), ("陆", 2),
        ("郝", 2), ("孔", 2), ("白", 2), ("崔", 2), ("康", 2), ("毛", 2), ("邱", 2), ("秦", 2), ("江", 2), ("史", 2),
        ("顾", 2), ("侯", 2), ("邵", 2), ("孟", 2), ("龙", 2), ("万", 2), ("段", 2), ("雷", 2), ("钱", 2), ("汤", 2),
        ("尹", 2), ("黎", 2), ("易", 2), ("常", 2), ("武", 2), ("乔", 2), ("贺", 2), ("赖", 2), ("龚", 2), ("文", 2),
        ("欧阳", 1), ("司马", 1),
    ];

    private static readonly string[] FirstChars =
    [
        "建", "国", "志", "文", "海", "晓", "红", "立", "春", "永", "雪", "卫", "玉", "洪", "德", "慧", "新", "明", "俊", "宏",
        "振", "家", "鹏", "小", "金", "秀", "丽", "美", "爱", "桂", "淑", "伟", "继", "学", "宇", "世", "朝", "光", "亚", "长",
        "胜", "瑞", "卫", "向", "思", "冬", "兴", "开", "庆", "利", "凤", "彩", "翠", "素", "少", "宗", "维", "正", "成", "定",
    ];

    private static readonly string[] SecondChars =
    [
        "华", "平", "强", "军", "东", "明", "英", "梅", "林", "涛", "波", "刚", "敏", "静", "芳", "杰", "峰", "辉", "宁", "荣",
        "斌", "勇", "伟", "红", "燕", "霞", "玲", "萍", "清", "忠", "民", "生", "亮", "彬", "松", "杨", "军", "新", "祥", "昌",
        "武", "超", "鹏", "飞", "丹", "琳", "莉", "娟", "兰", "云", "虹", "峻", "岩", "阳", "锋", "益", "奇", "源", "海", "安",
    ];

    private static readonly int TotalWeight = Surnames.Sum(s => s.Weight);

    public static string Person(Rng rng)
    {
        var x = rng.Below(TotalWeight);
        var surname = Surnames[^1].Surname;
        foreach (var (s, w) in Surnames)
        {
            if (x < w) { surname = s; break; }
            x -= w;
        }
        // About one in eight people of that generation has a one-character given name (王伟, 李静).
        return rng.Chance(0.12) ? surname + rng.Pick(SecondChars) : surname + rng.Pick(FirstChars) + rng.Pick(SecondChars);
    }
}
