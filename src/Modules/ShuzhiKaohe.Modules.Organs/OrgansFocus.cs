using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.Organs;

/// <summary>
/// The organ's own focus items per level and year: the model organ and the fusion of Party building with the
/// organ's business at the top, service to the people who deal with the organ at the branch (4 → 4 → 3 → 2).
/// </summary>
internal sealed class OrgansFocus : IFocusItemCatalogue
{
    public string Sector => SectorKeys.Organs;

    private static readonly FocusItemDefinition Model = new("organs.model", "模范机关创建（让党中央放心、让人民群众满意）", 0,
        "随机到内设机构和直属单位，听服务对象和基层单位讲该部门政策执行、办事服务的实际感受，核实一件群众反映问题的办理结果。",
        "服务对象和基层单位对机关作风和履职的评价");

    private static readonly FocusItemDefinition Fusion = new("organs.fusion", "党建和业务深度融合（防止“两张皮”）", 0,
        "选取本部门一项重点业务，到承办处室看党支部在其中解决了什么难题、结果如何，听承办干部讲实情。",
        "党组织在本部门重点业务中解决实际问题的成效");

    private static readonly FocusItemDefinition PoliticalOrgan = new("organs.political", "建设政治机关，机关党员干部政治能力", 0,
        "随机与处级以下党员干部交谈，听其讲本岗位工作与党中央部署的关系；核实一项重大部署在本部门的落实结果。",
        "党员干部落实党中央部署的政治自觉和实际结果");

    private static readonly FocusItemDefinition Style = new("organs.style", "机关作风建设和为基层减负", 0,
        "到本部门联系的基层单位，听基层干部讲该部门督查检查、填表报数、调研接待等负担的实际变化。",
        "基层对本部门作风和减负成效的实际感受");

    private static readonly FocusItemDefinition Branch = new("organs.branch", "机关党支部建设和党员作用", 0,
        "在支部所在处室看一项具体工作，随机听支部党员和服务对象评价。",
        "支部党员在岗位上的表现和服务对象的评价");

    /// <summary>The Party-wide education of the year, consolidated in the organs first.</summary>
    private static FocusItemDefinition? Education(int year) => year switch
    {
        2019 or 2020 => Edu("“不忘初心、牢记使命”主题教育成果巩固"),
        2021 or 2022 => Edu("党史学习教育成果巩固"),
        2023 => Edu("学习贯彻习近平新时代中国特色社会主义思想主题教育"),
        2024 => Edu("党纪学习教育"),
        2025 => Edu("深入贯彻中央八项规定精神学习教育"),
        _ => null,
    };

    private static FocusItemDefinition Edu(string title) => new("organs.education", title, 0,
        "到处室和直属单位，看学习教育中查摆的具体问题是否真正解决，听党员和服务对象评价。",
        "学习教育中查摆问题的实际解决结果");

    public IReadOnlyList<FocusItemDefinition> ItemsFor(int level, int year)
    {
        var edu = Education(year);
        List<(FocusItemDefinition, int)> items = level switch
        {
            1 or 2 => [(Model, 4), (Fusion, 4), (PoliticalOrgan, 3), (Style, 3)],
            3 => [(Fusion, 4), (Model, 3), (Style, 2)],
            _ => [(Branch, 1), (Fusion, 1)],
        };
        // The year's education replaces the political-organ item at the top and is added at level 3; a branch keeps two items.
        if (edu is not null && level <= 2) items[2] = (edu, 3);
        else if (edu is not null && level == 3) items[2] = (edu, 2);
        return SectorItemWeights.ShareOut(items);
    }
}
