using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;

namespace Fixture;

internal static class FixtureInfo
{
    public const string Sector = "fixture_good";
}

internal sealed class Registrar : IModuleRegistrar
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton(new GreetingService("你好"));
    }
}
