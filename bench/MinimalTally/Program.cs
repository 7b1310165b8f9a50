using Microsoft.Data.Sqlite;

// The baseline: open a bare table marks(sheet, org_code, mark) and run the equivalent GROUP BY, printing the counts.
using var c = new SqliteConnection($"Data Source={args[0]};Mode=ReadOnly");
c.Open();
using var cmd = c.CreateCommand();
cmd.CommandText = "SELECT org_code, mark, count(*) FROM marks GROUP BY org_code, mark";
using var r = cmd.ExecuteReader();
var w = new StringWriter();
while (r.Read()) w.WriteLine($"{r.GetString(0)},{r.GetString(1)},{r.GetInt64(2)}");
Console.Out.Write(w.ToString());
