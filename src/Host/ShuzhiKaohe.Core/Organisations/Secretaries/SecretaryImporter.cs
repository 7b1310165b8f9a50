using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Core.Text;
using ShuzhiKaohe.Core.Text.Import;
using ShuzhiKaohe.Core.Text.Tabular;

namespace ShuzhiKaohe.Core.Organisations.Secretaries;

/// <summary>
/// Imports secretary terms (<c>shuzhi person import</c>): who held the secretary post of which organisation from
/// when to when. A person is known by an external key when the file has one, else by name at that organisation.
/// One post has one holder at a time: an open term in the database is closed when the file's successor starts;
/// any other overlap is refused. A change within a year keeps both terms and is reported (第三条: the campaign of
/// that year assesses the holder and flags the change). All or nothing, like the organisation import.
/// </summary>
public sealed class SecretaryImporter(Database database)
{
    private static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["org_code"] = ["组织代码", "代码", "org", "code"],
        ["name"] = ["姓名", "书记", "书记姓名"],
        ["start_on"] = ["任职日期", "起始日期", "开始日期", "start"],
        ["end_on"] = ["离任日期", "终止日期", "结束日期", "end"],
        ["external_key"] = ["人员编号", "工号", "编号", "key"],
    };

    private sealed class Person(long? id, string name, string? key)
    {
        public long? Id { get; set; } = id;
        public string Name { get; } = name;
        public string? Key { get; } = key;
    }

    private sealed class Term(long? id, Person person, DateOnly start, DateOnly? end, int line)
    {
        public long? Id { get; } = id;
        public Person Person { get; } = person;
        public DateOnly Start { get; } = start;
        public DateOnly? End { get; set; } = end;
        public int Line { get; } = line; // 0: from the database
        public bool Changed { get; set; }
    }

    private static bool SamePerson(Person a, Person b) => ReferenceEquals(a, b) || (a.Id is not null && a.Id == b.Id);

    public SecretaryImportResult Import(string file, SecretaryImportOptions options)
    {
        var issues = new ImportIssueList();
        var fileName = Path.GetFileName(file);
        var repaired = 0;
        var rows = new List<(int Line, string Org, string Name, string? Key, DateOnly Start, DateOnly? End)>();
        using (var table = TabularFile.Open(file, options.Encoding))
        {
            var r = table.Reader;
            var map = ColumnMap.Resolve(r.Header, Columns, ["org_code", "name", "start_on"], fileName);
            string Get(string column)
            {
                var i = map[column];
                if (i < 0) return "";
                var raw = r.Field(i).ToString();
                if (TextRepair.RepairField(raw, out var fixedValue)) repaired++;
                return fixedValue;
            }
            while (r.Read())
            {
                if (r.RecordError is { } e) { issues.Add(fileName, r.Line, e); continue; }
                if (r.FieldCount != r.Header.Count) { issues.Add(fileName, r.Line, $"有 {r.FieldCount} 个字段，表头有 {r.Header.Count} 个：行不齐"); continue; }
                var problems = Enumerable.Range(0, r.FieldCount).Select(f => FieldChecks.Problem(r.Field(f), r.Header[f])).OfType<string>().ToList();
                if (problems.Count > 0) { issues.Add(fileName, r.Line, string.Join("；", problems)); continue; }
                string org = Get("org_code"), name = Get("name"), key = Get("external_key"), startText = Get("start_on"), endText = Get("end_on");
                var start = DateParsing.Parse(startText);
                var end = endText.Length == 0 ? null : DateParsing.Parse(endText);
                if (org.Length == 0) problems.Add("组织代码为空");
                if (name.Length is 0 or > 50) problems.Add(name.Length == 0 ? "姓名为空" : "姓名超过 50 个字符");
                if (start is null) problems.Add($"任职日期“{startText}”不是日期（如 2023-07-01）");
                if (endText.Length > 0 && end is null) problems.Add($"离任日期“{endText}”不是日期（如 2023-07-01）");
                if (start is not null && end is not null && end <= start) problems.Add($"离任日期 {end:yyyy-MM-dd} 不晚于任职日期 {start:yyyy-MM-dd}");
                if (problems.Count > 0) { issues.Add(fileName, r.Line, string.Join("；", problems)); continue; }
                rows.Add((r.Line, org, name, key.Length == 0 ? null : key, start!.Value, end));
            }
        }

        using var c = database.Open();
        using var tx = c.BeginTransaction(deferred: options.DryRun);
        var store = new SecretaryStore(c, tx);
        var byKey = new Dictionary<string, Person>(StringComparer.Ordinal);
        var byOrg = new Dictionary<string, List<Term>>(StringComparer.Ordinal);
        var newPeople = new List<Person>();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!byOrg.TryGetValue(row.Org, out var terms))
            {
                if (!store.OrganisationExists(row.Org))
                {
                    issues.Add(fileName, row.Line, $"组织 {row.Org} 不存在：请先导入组织（shuzhi org import）");
                    continue;
                }
                byOrg[row.Org] = terms = store.Terms(row.Org).Select(t => new Term(t.Id, new Person(t.PersonId, t.Name, t.Key), t.Start, t.End, 0)).ToList();
            }
            Person person;
            if (row.Key is not null)
            {
                if (!byKey.TryGetValue(row.Key, out person!))
                {
                    person = store.PersonByKey(row.Key) is { } p ? new Person(p.Id, p.Name, row.Key) : new Person(null, row.Name, row.Key);
                    if (person.Id is null) newPeople.Add(person);
                    byKey[row.Key] = person;
                }
            }
            else
            {
                person = terms.FirstOrDefault(t => t.Person.Name == row.Name && t.Person.Key is null)?.Person ?? new Person(null, row.Name, null);
                if (person.Id is null && !newPeople.Contains(person)) newPeople.Add(person);
            }
            var same = terms.FirstOrDefault(t => SamePerson(t.Person, person) && t.Start == row.Start);
            if (same is null)
            {
                terms.Add(new Term(null, person, row.Start, row.End, row.Line));
                added++;
            }
            else if (same.Line > 0) issues.Add(fileName, row.Line, $"与第 {same.Line} 行重复：{row.Name} 在 {row.Org} 自 {row.Start:yyyy-MM-dd} 的任期");
            else if (same.End != row.End)
            {
                same.End = row.End;
                same.Changed = true;
                updated++;
            }
            else unchanged++;
        }

        var closed = 0;
        var changes = new List<MidYearChange>();
        foreach (var (org, terms) in byOrg)
        {
            terms.Sort((a, b) => a.Start.CompareTo(b.Start));
            for (var i = 0; i + 1 < terms.Count; i++)
            {
                Term a = terms[i], b = terms[i + 1];
                if (a.End is { } end && end <= b.Start) continue;
                if (a.End is null && a.Start < b.Start && (a.Line > 0 || b.Line > 0))
                {
                    a.End = b.Start; // the successor's appointment ends the predecessor's open term
                    a.Changed = true;
                    closed++;
                    continue;
                }
                var later = b.Line > 0 ? b : a;
                issues.Add(fileName, later.Line > 0 ? later.Line : b.Line,
                    $"组织 {org} 的书记任期重叠：{a.Person.Name}（{a.Start:yyyy-MM-dd}–{a.End?.ToString("yyyy-MM-dd") ?? "今"}）与 {b.Person.Name}（{b.Start:yyyy-MM-dd} 起）；同一时间只能有一位书记");
            }
            foreach (var t in terms.Where(t => t.Line > 0 && (t.Start.Month, t.Start.Day) != (1, 1)))
            {
                var year = t.Start.Year;
                var holders = terms.Where(x => x.Start.Year <= year && (x.End is null || x.End.Value.Year >= year)
                                               && x.Start <= new DateOnly(year, 12, 31) && (x.End is null || x.End.Value > new DateOnly(year, 1, 1)))
                    .Select(x => x.Person.Name).Distinct().ToList();
                if (holders.Count > 1) changes.Add(new MidYearChange(org, year, holders));
            }
        }
        issues.ThrowIfAny();

        var result = new SecretaryImportResult(rows.Count, newPeople.Count, added, updated, unchanged, closed, repaired,
            changes.DistinctBy(m => (m.OrgCode, m.Year)).ToList(), options.DryRun);
        if (options.DryRun) return result;
        foreach (var p in newPeople) p.Id = store.AddPerson(p.Name, p.Key);
        foreach (var (org, terms) in byOrg)
            foreach (var t in terms)
            {
                if (t.Id is null) store.AddTerm(org, t.Person.Id!.Value, t.Start, t.End);
                else if (t.Changed) store.SetEnd(t.Id.Value, t.End);
            }
        tx.Commit();
        return result;
    }
}
