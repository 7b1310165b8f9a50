using System.CommandLine;
using ShuzhiKaohe.Core.Security;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi operator add|grant|revoke|list|setup-ssh|whoami</c>.</summary>
internal sealed class OperatorVerbs : IVerbGroup
{
    public int Order => 70;
    public string Noun => "operator";

    public Command Build(CliApp app)
    {
        var op = new Command("operator", "操作员、角色与授权范围（管理员）");
        var name = new Argument<string>("NAME") { Description = "操作员名" };

        var add = new Command("add", "登记一名操作员（之后用 grant 授予角色）") { name };
        add.SetAction(pr => app.Run(pr, ctx =>
        {
            var n = ctx.Value(name)!;
            ctx.Get<OperatorAdmin>().Add(n);
            return ctx.Emit(new { name = n }, o => o.WriteLine($"已登记操作员 {n}。"));
        }));
        op.Subcommands.Add(add);

        var role = new Option<string>("--role") { Description = "administrator | organiser | inspector | clerk | reader", Required = true, HelpName = "ROLE" };
        var scope = new Option<string>("--scope") { Description = "组织代码：该组织及其下级；* 为全部组织", Required = true, HelpName = "CODE" };
        var sector = new Option<string?>("--sector") { Description = "只限该板块的组织（如 soe）", HelpName = "KEY" };

        var grant = new Command("grant", "授予角色：在一个组织及其下级范围内（可限定板块）") { name, role, scope, sector };
        grant.SetAction(pr => app.Run(pr, ctx =>
        {
            var g = ctx.Get<OperatorAdmin>().Grant(ctx.Value(name)!, ctx.Value(role)!, ctx.Value(scope)!, ctx.Value(sector));
            return ctx.Emit(GrantJson(g), o => o.WriteLine($"已授予 {g.Operator} {RolePermissions.Key(g.Role)} @ {g.Scope}。"));
        }));
        op.Subcommands.Add(grant);

        var revoke = new Command("revoke", "撤销一项授权") { name, role, scope, sector };
        revoke.SetAction(pr => app.Run(pr, ctx =>
        {
            var g = ctx.Get<OperatorAdmin>().Revoke(ctx.Value(name)!, ctx.Value(role)!, ctx.Value(scope)!, ctx.Value(sector));
            return ctx.Emit(GrantJson(g), o => o.WriteLine($"已撤销 {g.Operator} {RolePermissions.Key(g.Role)} @ {g.Scope}。"));
        }));
        op.Subcommands.Add(revoke);

        var all = new Option<bool>("--all") { Description = "连同已撤销的授权" };
        var list = new Command("list", "列出操作员及其授权") { all };
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            var accounts = ctx.Get<OperatorAdmin>().List(ctx.Value(all));
            return ctx.Emit(accounts.Select(a => new
            {
                name = a.Name, created_by = a.CreatedBy, created_at = a.CreatedAt, grants = a.Grants.Select(GrantJson).ToList(),
            }).ToList(), o =>
            {
                foreach (var a in accounts)
                {
                    o.WriteLine($"{a.Name}（{a.CreatedAt} 由 {a.CreatedBy} 登记）");
                    if (a.Grants.Count == 0) o.WriteLine("    （无授权）");
                    foreach (var g in a.Grants)
                        o.WriteLine($"    {RolePermissions.Key(g.Role),-13} @ {g.Scope}{(g.Active ? "" : $"　已于 {g.RevokedAt} 由 {g.RevokedBy} 撤销")}");
                }
            });
        }));
        op.Subcommands.Add(list);

        var keyFile = new Argument<string>("KEYFILE") { Description = "操作员的 SSH 公钥文件（*.pub）" };
        var setupSsh = new Command("setup-ssh", "输出服务账户 authorized_keys 中该操作员的一行（强制命令）") { name, keyFile };
        setupSsh.SetAction(pr => app.Run(pr, ctx =>
        {
            var line = ctx.Get<OperatorAdmin>().SshLine(ctx.Value(name)!, ctx.Value(keyFile)!, Environment.ProcessPath ?? "shuzhi");
            return ctx.Emit(new { name = ctx.Value(name), authorized_keys = line }, o => o.WriteLine(line));
        }));
        op.Subcommands.Add(setupSsh);

        var whoami = new Command("whoami", "当前操作员及其授权范围");
        whoami.SetAction(pr => app.Run(pr, ctx =>
        {
            var me = ctx.Get<OperatorAdmin>().WhoAmI();
            return ctx.Emit(new
            {
                name = me.Name, front_end = me.FrontEnd, via_ssh = me.ViaSsh,
                grants = me.Grants.Select(g => new
                {
                    role = RolePermissions.Key(g.Grant.Role), scope = g.Grant.Scope.Code, sector = g.Grant.Scope.Sector, scope_name = g.ScopeName,
                }).ToList(),
            }, o =>
            {
                o.WriteLine($"操作员：{me.Name}（{me.FrontEnd}{(me.ViaSsh ? "，经 SSH" : "")}）");
                if (me.Grants.Count == 0) o.WriteLine("无授权。");
                foreach (var (g, scopeName) in me.Grants)
                    o.WriteLine($"  {RolePermissions.ChineseName(g.Role)}（{RolePermissions.Key(g.Role)}） @ {g.Scope}{(scopeName is null ? "" : " " + scopeName)}");
            });
        }));
        op.Subcommands.Add(whoami);
        return op;
    }

    private static object GrantJson(OperatorGrant g) => new
    {
        id = g.Id, @operator = g.Operator, role = RolePermissions.Key(g.Role), scope = g.Scope.Code, sector = g.Scope.Sector,
        granted_by = g.GrantedBy, granted_at = g.GrantedAt, revoked_by = g.RevokedBy, revoked_at = g.RevokedAt,
    };
}
