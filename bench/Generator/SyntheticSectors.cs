using System.Globalization;
using System.Text;
using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Bench.Generator;

/// <summary>An organisation of the other plugins' sectors, or a locality's work committee, made up for the benchmark.</summary>
public sealed record SectorOrganisation(string Code, string Name, string? Parent, int Level, string Sector, string Kind);

/// <summary>
/// The organisations the real division file does not have, attached where the measures put them (第三条):
/// under each province its work committees (国资委党委 and 教育工委, kind work_committee, in the provincial campaign by
/// default) and its 直属机关工委 (organs, added to the provincial campaign as a chosen extra); the provincial
/// departments' 机关党委 with their offices; provincial hospitals under the health commission's 机关党委; provincial
/// SOE groups with subsidiaries and branches under the 国资委党委; universities with colleges under the 教育工委; and,
/// without a parent, the 中央和国家机关工委 with the ministries and the central and central financial enterprises.
/// Codes carry letters, so they never meet the all-digit division codes.
/// </summary>
public static class SyntheticSectors
{
    private static readonly string[] Departments =
    [
        "发展和改革委员会", "教育厅", "科学技术厅", "工业和信息化厅", "民政厅", "司法厅", "财政厅", "人力资源和社会保障厅",
        "自然资源厅", "生态环境厅", "住房和城乡建设厅", "交通运输厅", "水利厅", "农业农村厅", "商务厅", "文化和旅游厅",
        "卫生健康委员会", "退役军人事务厅", "应急管理厅", "审计厅", "市场监督管理局", "统计局", "医疗保障局", "林业局",
    ];

    private const int HealthDepartment = 17; // 卫生健康委员会, 1-based

    private static readonly string[] Offices = ["办公室", "政策法规处", "人事处", "财务处", "规划处", "机关服务中心", "信息中心", "直属事业单位", "监督检查处"];

    private static readonly string[] Hospitals = ["人民医院", "肿瘤医院", "妇幼保健院", "中医院", "儿童医院", "第二人民医院", "精神卫生中心", "传染病医院"];

    private static readonly string[] HospitalBranches = ["内科党总支", "外科党总支", "医技党总支", "门诊党总支", "护理党总支", "机关党总支"];

    private static readonly (string Name, string Kind)[] Groups =
    [
        ("交通投资集团有限公司", "industrial"), ("能源集团有限公司", "industrial"), ("金融控股集团有限公司", "investment"),
        ("建设投资集团有限公司", "industrial"), ("文化旅游投资集团有限公司", "industrial"), ("国有资本投资运营集团有限公司", "investment"),
        ("港口集团有限公司", "industrial"), ("铁路投资集团有限公司", "investment"), ("水务集团有限公司", "industrial"),
        ("农业发展集团有限公司", "industrial"), ("商贸物流集团有限公司", "industrial"), ("医药集团有限公司", "industrial"),
    ];

    private static readonly (string Name, string Kind)[] FinanceSubsidiaries =
    [
        ("银行股份有限公司", "bank"), ("证券有限责任公司", "securities"), ("融资担保有限公司", "guarantee"),
        ("融资租赁有限公司", "leasing"), ("产业投资基金管理有限公司", "investment"), ("农村商业银行股份有限公司", "bank"),
    ];

    private static readonly string[] Subsidiaries = ["工程有限公司", "投资有限公司", "置业有限公司", "物流有限公司", "资产管理有限公司", "科技有限公司", "运营管理有限公司", "贸易有限公司", "设计研究院有限公司"];

    private static readonly string[] Universities = ["大学", "师范大学", "理工大学", "工业大学", "农业大学", "医科大学", "财经大学", "中医药大学", "科技大学", "工程学院", "经济学院", "第二师范学院"];

    private static readonly (string Name, string Kind)[] Colleges =
    [
        ("马克思主义学院", "college"), ("文学院", "college"), ("计算机学院", "college"), ("经济与管理学院", "college"), ("机械工程学院", "college"),
        ("化学化工学院", "college"), ("外国语学院", "college"), ("法学院", "college"), ("数学与统计学院", "college"), ("物理学院", "college"),
        ("医学院", "college"), ("艺术学院", "college"), ("机关", "administrative"), ("图书馆", "administrative"),
    ];

    private static readonly string[] Ministries =
    [
        "外交部", "国家发展和改革委员会", "教育部", "科学技术部", "工业和信息化部", "国家民族事务委员会", "民政部", "司法部", "财政部",
        "人力资源和社会保障部", "自然资源部", "生态环境部", "住房和城乡建设部", "交通运输部", "水利部", "农业农村部", "商务部",
        "文化和旅游部", "国家卫生健康委员会", "退役军人事务部", "应急管理部", "审计署", "国务院国有资产监督管理委员会", "海关总署",
        "国家税务总局", "国家市场监督管理总局", "国家金融监督管理总局", "中国证券监督管理委员会", "国家广播电视总局", "国家体育总局",
        "国家统计局", "国家医疗保障局", "国家林业和草原局", "国家知识产权局", "国家能源局", "国家铁路局", "中国民用航空局", "国家邮政局",
    ];

    private static readonly string[] MinistryOffices = ["办公厅", "政策法规司", "人事司", "规划司", "财务司", "机关服务局", "信息中心", "直属事业单位"];

    private static readonly string[] CentralEnterprises =
    [
        "中国石油天然气集团有限公司", "中国石油化工集团有限公司", "国家电网有限公司", "中国南方电网有限责任公司", "中国华能集团有限公司",
        "中国大唐集团有限公司", "中国华电集团有限公司", "国家电力投资集团有限公司", "中国长江三峡集团有限公司", "国家能源投资集团有限责任公司",
        "中国移动通信集团有限公司", "中国电信集团有限公司", "中国联合网络通信集团有限公司", "中国第一汽车集团有限公司", "东风汽车集团有限公司",
        "中国中化控股有限责任公司", "中国宝武钢铁集团有限公司", "中国建筑集团有限公司", "中国铁路工程集团有限公司", "中国铁道建筑集团有限公司",
        "中国交通建设集团有限公司", "中国储备粮管理集团有限公司", "中国远洋海运集团有限公司", "中国航空集团有限公司", "中国东方航空集团有限公司",
        "中国南方航空集团有限公司", "招商局集团有限公司", "华润（集团）有限公司", "中国五矿集团有限公司", "中国建材集团有限公司",
    ];

    private static readonly string[] CentralFinancial =
    [
        "中国工商银行股份有限公司", "中国农业银行股份有限公司", "中国银行股份有限公司", "中国建设银行股份有限公司", "交通银行股份有限公司",
        "中国人寿保险（集团）公司", "中国人民保险集团股份有限公司", "国家开发银行", "中国进出口银行", "中国农业发展银行",
        "中国光大集团股份公司", "中国中信集团有限公司",
    ];

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>
    /// The synthetic organisations for the provinces of <paramref name="shares"/> (code → share of its cities taken:
    /// the counts shrink with it) and the central ones at <paramref name="scale"/>, parents before children.
    /// </summary>
    public static List<SectorOrganisation> Build(IReadOnlyList<Division> provinces, IReadOnlyDictionary<string, double> shares, double scale, long seed)
    {
        var list = new List<SectorOrganisation>();
        foreach (var p in provinces.OrderBy(p => p.Code, StringComparer.Ordinal))
            Province(list, p, shares.GetValueOrDefault(p.Code, 1.0), seed);
        Central(list, scale, seed, provinces.Count > 0 ? provinces.Select(p => p.Name).ToList() : ["北京市"]);
        return list;
    }

    private static int Count(Rng rng, int min, int max, double share) => Math.Max(1, (int)Math.Round(rng.Between(min, max) * share));

    private static void Province(List<SectorOrganisation> list, Division p, double share, long seed)
    {
        var rng = Rng.For(seed, "sector:" + p.Code);
        var name = p.Name;
        var shortName = ShortName(name);
        var municipality = name.EndsWith('市');

        var jg = $"{p.Code}JG";
        list.Add(new(jg, $"中共{name}直属机关工作委员会", p.Code, 1, SectorKeys.Organs, "provincial"));
        var departments = Count(rng, 16, Departments.Length, share);
        for (var d = 1; d <= departments; d++)
        {
            // The health commission is always among them: the provincial hospitals hang from it.
            var index = d == departments && departments < HealthDepartment ? HealthDepartment : d;
            var dept = Departments[index - 1];
            if (municipality) dept = dept.Replace("厅", "局", StringComparison.Ordinal);
            var code = $"{jg}{index:D2}";
            list.Add(new(code, $"{name}{dept}机关党委", jg, 2, SectorKeys.Organs, "provincial"));
            foreach (var k in Enumerable.Range(1, rng.Between(3, 7)))
            {
                var office = Offices[(index + k) % Offices.Length];
                list.Add(new($"{code}{k:D2}", $"{name}{dept}{office}党{(office.StartsWith("直属", StringComparison.Ordinal) ? "委" : "支部")}",
                    code, 3, SectorKeys.Organs, office.StartsWith("直属", StringComparison.Ordinal) || office.EndsWith("中心", StringComparison.Ordinal) ? "affiliated" : "internal"));
            }
            if (index != HealthDepartment) continue;
            foreach (var h in Enumerable.Range(1, Count(rng, 4, Hospitals.Length, share)))
            {
                var hospital = $"{p.Code}YY{h:D2}";
                list.Add(new(hospital, $"{name}{Hospitals[h - 1]}党委", code, 1, SectorKeys.Hospitals, "hospital"));
                foreach (var b in Enumerable.Range(1, rng.Between(4, HospitalBranches.Length)))
                    list.Add(new($"{hospital}{b:D2}", HospitalBranches[b - 1], hospital, 2, SectorKeys.Hospitals, "general_branch"));
            }
        }

        var gz = $"{p.Code}GZ";
        list.Add(new(gz, $"中共{name}人民政府国有资产监督管理委员会委员会", p.Code, 2, SectorKeys.Localities, "work_committee"));
        var firstGroup = rng.Below(Groups.Length);
        foreach (var g in Enumerable.Range(1, Count(rng, 6, 10, share)))
        {
            var (groupName, groupKind) = Groups[(firstGroup + g - 1) % Groups.Length];
            var group = $"{gz}{g:D2}";
            var fullGroup = $"{shortName}{groupName}";
            list.Add(new(group, $"{fullGroup}党委", gz, 1, SectorKeys.StateEnterprises, "local"));
            var finance = groupName.StartsWith("金融", StringComparison.Ordinal);
            foreach (var s in Enumerable.Range(1, rng.Between(3, 7)))
            {
                var (subName, subKind) = finance ? FinanceSubsidiaries[(s - 1) % FinanceSubsidiaries.Length] : (Subsidiaries[(s - 1 + g) % Subsidiaries.Length], groupKind == "investment" ? "investment" : "industrial");
                var sub = $"{group}{s:D2}";
                var subFull = $"{fullGroup[..^6]}{subName}";
                list.Add(new(sub, $"{subFull}党委", group, 2, SectorKeys.StateEnterprises, subKind));
                if (!rng.Chance(0.5)) continue;
                foreach (var b in Enumerable.Range(1, rng.Between(2, 5)))
                    list.Add(new($"{sub}{b:D2}", subKind == "bank" ? $"{subFull}第{Numerals[b - 1]}支行党总支" : $"{subFull}第{Numerals[b - 1]}分公司党总支",
                        sub, 3, SectorKeys.StateEnterprises, subKind));
            }
        }

        var jy = $"{p.Code}JY";
        list.Add(new(jy, $"中共{name}委教育工作委员会", p.Code, 2, SectorKeys.Localities, "work_committee"));
        foreach (var u in Enumerable.Range(1, Count(rng, 6, Universities.Length, share)))
        {
            var university = $"{jy}{u:D2}";
            list.Add(new(university, $"{shortName}{Universities[u - 1]}党委", jy, 1, SectorKeys.Universities, "university"));
            foreach (var c in Enumerable.Range(1, rng.Between(6, Colleges.Length)))
                list.Add(new($"{university}{c:D2}", $"{Colleges[c - 1].Name}党委", university, 2, SectorKeys.Universities, Colleges[c - 1].Kind));
        }
    }

    private static void Central(List<SectorOrganisation> list, double scale, long seed, IReadOnlyList<string> provinceNames)
    {
        var rng = Rng.For(seed, "sector:central");
        int Scaled(int n) => Math.Max(1, (int)Math.Ceiling(n * Math.Min(1, scale)));
        const string zy = "ZY";
        list.Add(new(zy, "中央和国家机关工作委员会", null, 1, SectorKeys.Organs, "central_state"));
        foreach (var m in Enumerable.Range(1, Scaled(Ministries.Length)))
        {
            var ministry = $"{zy}{m:D2}";
            list.Add(new(ministry, $"{Ministries[m - 1]}机关党委", zy, 2, SectorKeys.Organs, "central_state"));
            foreach (var k in Enumerable.Range(1, rng.Between(4, MinistryOffices.Length)))
            {
                var office = MinistryOffices[k - 1];
                list.Add(new($"{ministry}{k:D2}", $"{Ministries[m - 1]}{office}党{(office.StartsWith("机关", StringComparison.Ordinal) || office.StartsWith("直属", StringComparison.Ordinal) ? "委" : "支部")}",
                    ministry, 3, SectorKeys.Organs, office.StartsWith("直属", StringComparison.Ordinal) || office.EndsWith("中心", StringComparison.Ordinal) ? "affiliated" : "internal"));
            }
        }
        void Enterprises(string prefix, IReadOnlyList<string> names, string kind, bool banks)
        {
            foreach (var e in Enumerable.Range(1, Scaled(names.Count)))
            {
                var code = $"{prefix}{e:D2}";
                var full = names[e - 1];
                list.Add(new(code, $"{full}党组", null, 1, SectorKeys.StateEnterprises, kind));
                var regions = provinceNames.OrderBy(n => Rng.For(seed, $"{code}:{n}").Next()).Take(rng.Between(3, 8)).ToList();
                foreach (var (region, s) in regions.Select((r, i) => (r, i + 1)))
                {
                    var sub = $"{code}{s:D2}";
                    var subName = $"{Trim(full)}{region}{(banks ? "分行" : "分公司")}";
                    list.Add(new(sub, $"{subName}党委", code, 2, SectorKeys.StateEnterprises, banks ? "bank" : "industrial"));
                    foreach (var b in Enumerable.Range(1, rng.Between(2, 6)))
                        list.Add(new($"{sub}{b:D2}", banks ? $"{subName}第{Numerals[b - 1]}支行党总支" : $"{subName}第{Numerals[b - 1]}项目部党支部",
                            sub, 3, SectorKeys.StateEnterprises, banks ? "bank" : "industrial"));
                }
            }
        }
        Enterprises("ZQ", CentralEnterprises, "central", banks: false);
        Enterprises("ZJ", CentralFinancial, "central_financial", banks: true);
    }

    /// <summary>湖北省 → 湖北, 广西壮族自治区 → 广西, 北京市 → 北京.</summary>
    public static string ShortName(string province)
    {
        foreach (var suffix in new[] { "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市" })
            if (province.EndsWith(suffix, StringComparison.Ordinal)) return province[..^suffix.Length];
        return province;
    }

    private static string Trim(string enterprise)
    {
        foreach (var suffix in new[] { "股份有限公司", "有限责任公司", "集团有限公司", "（集团）有限公司", "（集团）公司", "有限公司", "集团股份公司" })
            if (enterprise.EndsWith(suffix, StringComparison.Ordinal)) return enterprise[..^suffix.Length];
        return enterprise;
    }

    public static string Csv(IEnumerable<SectorOrganisation> rows)
    {
        var sb = new StringBuilder("code,name,parent_code,level,sector,kind\n");
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture, $"{r.Code},{r.Name},{r.Parent},{r.Level},{r.Sector},{r.Kind}\n");
        return sb.ToString();
    }
}
