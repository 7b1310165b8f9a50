using ShuzhiKaohe.Core.Security;

namespace ShuzhiKaohe.Core.Organisations;

/// <summary>
/// The organisation reads the front ends offer (<c>org list</c>, <c>org show</c>), cut to the operator's scope.
/// (<see cref="OrganisationDirectory"/> itself stays unchecked: the authoriser walks the tree through it.)
/// </summary>
public sealed class OrganisationQueries(OrganisationDirectory directory, Authorizer authorizer)
{
    public IReadOnlyList<Organisation> List(string? underCode, int depth)
    {
        if (underCode is not null) authorizer.Require(Permission.OrganisationRead, underCode);
        var scope = authorizer.ScopeOf(Permission.OrganisationRead);
        var list = directory.List(underCode, depth);
        return scope.WholeTree || underCode is not null ? list : list.Where(o => authorizer.CanSee(o.Code)).ToList();
    }

    public OrganisationDetails Details(string code, int year)
    {
        directory.Get(code);
        authorizer.Require(Permission.OrganisationRead, code);
        return directory.Details(code, year);
    }
}
