using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.Localities;

/// <summary>
/// The locality's own focus items per level and year. The lower the level, the fewer and the more concrete
/// (第六条 "越往下考核工作越要简化"): a township is judged on three things its villagers can see.
/// </summary>
internal sealed class LocalitiesFocus : IFocusItemCatalogue
{
    public string Sector => SectorKeys.Localities;

    private static readonly FocusItemDefinition Poverty = new("loc.poverty", "抓党建促脱贫攻坚", 0,
        "到贫困村、易地搬迁点查看产业和就业帮扶项目，走访脱贫户核实“两不愁三保障”和收入实情。好：驻村工作队和村党组织带贫成效群众公认；差：有返贫风险户未被发现。",
        "村党组织带领贫困群众脱贫的实际成效和群众认可度");

    private static FocusItemDefinition Rural(int year) => new("loc.rural",
        year <= 2025 ? "抓党建促乡村振兴（巩固拓展脱贫攻坚成果同乡村振兴有效衔接）" : "抓党建促乡村全面振兴", 0,
        "随机到村查看集体经济项目和产业实物成果，走访农户了解增收实情和防止返贫监测帮扶落实情况。好：村集体经济有稳定收入、群众得实惠；一般：项目有但效益弱；差：项目闲置或群众不认可。",
        "村党组织带领群众增收致富、村集体经济发展的实际成效");

    private static readonly FocusItemDefinition Urban = new("loc.urban", "城市基层党建（街道社区党组织统筹共建）", 0,
        "到街道、社区查看党群服务中心实际运行和共驻共建项目，晚间或周末随机走访居民听其评价。",
        "街道社区党组织统筹辖区资源为居民办成实事的效果和居民满意度");

    private static readonly FocusItemDefinition Governance = new("loc.governance", "党建引领基层治理", 0,
        "现场查看网格治理、矛盾纠纷化解和接诉即办，走访当事群众核实问题是否解决。",
        "群众反映的急难愁盼问题是否得到解决");

    private static readonly FocusItemDefinition Weak = new("loc.weak", "软弱涣散基层党组织整顿", 0,
        "到上年确定的软弱涣散村（社区）查看班子运转，走访党员群众了解转化实效，防止“边整边散”。",
        "软弱涣散党组织是否真正转化提升、群众是否认可");

    private static readonly FocusItemDefinition NewGroups = new("loc.new_groups", "新经济组织、新社会组织、新就业群体党建", 0,
        "到快递、外卖、网约车站点和商务楼宇现场查看党组织覆盖和服务站点，听骑手、司机等新就业群体评价。",
        "新就业群体对党组织服务和关心关爱的实际感受");

    private static readonly FocusItemDefinition Burden = new("loc.burden", "整治形式主义为基层减负", 0,
        "到乡镇、村（社区）现场看挂牌、填表、迎检等负担是否真减下来，听基层干部讲实际感受。",
        "基层干部对减负成效的实际感受，而非上级出台的措施多寡");

    private static readonly FocusItemDefinition Epidemic = new("loc.epidemic", "党建引领基层疫情防控", 0,
        "到社区、村查看疫情防控中党员先锋岗和志愿服务实际情况，走访居民了解困难群众保障。",
        "基层党组织和党员在疫情防控中守护群众的实际表现");

    private static readonly FocusItemDefinition VillageService = new("loc.village_service", "村（社区）党组织带领群众办实事", 0,
        "在村（社区）现场看一件党组织带领群众办成的实事，听村民（居民）评价。",
        "群众对村（社区）党组织办成实事的评价");

    public IReadOnlyList<FocusItemDefinition> ItemsFor(int level, int year)
    {
        var rural = year <= 2020 ? Poverty : Rural(year);
        var items = new List<(FocusItemDefinition, int)>();
        switch (level)
        {
            case 1 or 2:
                items.AddRange([(rural, 4), (Urban, 3), (Governance, 3), (Weak, 2), (Burden, 2)]);
                if (year >= 2023) items.Add((NewGroups, 2));
                if (year is >= 2020 and <= 2022) items.Add((Epidemic, 2));
                break;
            case 3:
                items.AddRange([(rural, 4), (Governance, 3), (Weak, 3), (Urban, 2), (Burden, 2)]);
                if (year is >= 2020 and <= 2022) items.Add((Epidemic, 2));
                break;
            case 4:
                // 乡镇 and 街道 share a level: the rural item is read as the urban one for a 街道 (see docs).
                items.AddRange([(rural, 5), (Governance, 3), (Weak, 2)]);
                break;
            default:
                items.AddRange([(VillageService, 1), (Governance, 1)]);
                break;
        }
        return SectorItemWeights.ShareOut(items);
    }
}
