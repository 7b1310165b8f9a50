using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;

namespace Fixture;

internal static class FixtureInfo
{
    public const string Sector = "fixture_other";
}

internal sealed class Registrar : IModuleRegistrar
{
    public void Register(IServiceCollection services)
    {
        
    }
}
