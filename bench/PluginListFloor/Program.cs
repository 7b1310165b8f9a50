// The essential work of `shuzhi plugin list --json` on an initialised database, straight through:
//   PluginListFloor DB PLUGIN_DIR...
// 1. the settings file beside the executable (JSON);  2. each plugin folder: plugin.json and the assembly's
// references (metadata, no code loaded);  3. the database: schema journal, the operator, the allow-list;
// 4. the SHA-256 of each approved plugin's files;  5. the JSON array on stdout.
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;

var settingsFile = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
if (File.Exists(settingsFile)) using (JsonDocument.Parse(File.ReadAllBytes(settingsFile))) { }

var plugins = new List<(string Id, string Name, string Version, string Contract, string[] Sectors, string Folder)>();
foreach (var parent in args.Skip(1))
    foreach (var folder in Directory.GetDirectories(parent).Order(StringComparer.Ordinal))
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "plugin.json")));
        var m = manifest.RootElement;
        using (var pe = new PEReader(File.OpenRead(Path.Combine(folder, m.GetProperty("assembly").GetString()!))))
        {
            var md = pe.GetMetadataReader();
            if (!md.AssemblyReferences.Any(h => md.GetString(md.GetAssemblyReference(h).Name) == "ShuzhiKaohe.Abstractions")) continue;
        }
        plugins.Add((m.GetProperty("id").GetString()!, m.GetProperty("name").GetString()!, m.GetProperty("version").GetString()!,
            m.GetProperty("contract").GetString()!, m.GetProperty("sectors").EnumerateArray().Select(s => s.GetProperty("key").GetString()!).ToArray(), folder));
    }

var approved = new Dictionary<string, string>(StringComparer.Ordinal);
using (var c = new SqliteConnection($"Data Source={args[0]};Mode=ReadWrite;Pooling=False"))
{
    c.Open();
    using var cmd = c.CreateCommand();
    cmd.CommandText = "SELECT count(*) FROM schema_journal";
    cmd.ExecuteScalar();
    cmd.CommandText = "SELECT count(*) FROM operator WHERE name = $name";
    cmd.Parameters.AddWithValue("$name", Environment.UserName);
    if (Convert.ToInt64(cmd.ExecuteScalar()) == 0) return 3;
    cmd.CommandText = "SELECT plugin_id, files_sha256 FROM plugin_approval";
    using var r = cmd.ExecuteReader();
    while (r.Read()) approved[r.GetString(0)] = r.GetString(1);
}

using var json = new Utf8JsonWriter(Console.OpenStandardOutput(), new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
json.WriteStartArray();
foreach (var p in plugins)
{
    json.WriteStartObject();
    json.WriteString("id", p.Id);
    json.WriteString("name", p.Name);
    json.WriteString("version", p.Version);
    json.WriteStartArray("sectors");
    foreach (var s in p.Sectors) json.WriteStringValue(s);
    json.WriteEndArray();
    json.WriteString("status", "verified");
    json.WriteString("folder", p.Folder);
    json.WriteString("contract", p.Contract);
    json.WriteString("approval", !approved.TryGetValue(p.Id, out var hash) ? "unapproved" : FolderHash(p.Folder) == hash ? "approved" : "modified");
    json.WriteEndObject();
}
json.WriteEndArray();
json.Flush();
Console.OpenStandardOutput().Write("\n"u8);
return 0;

static string FolderHash(string root)
{
    var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
    var relative = files.Select(f => Path.GetRelativePath(root, f)).ToArray();
    Array.Sort(relative, files, StringComparer.Ordinal);
    using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    for (var i = 0; i < files.Length; i++)
    {
        using var stream = File.OpenRead(files[i]);
        all.AppendData(Encoding.UTF8.GetBytes($"{relative[i]}\0{Convert.ToHexStringLower(SHA256.HashData(stream))}\n"));
    }
    return Convert.ToHexStringLower(all.GetHashAndReset());
}
