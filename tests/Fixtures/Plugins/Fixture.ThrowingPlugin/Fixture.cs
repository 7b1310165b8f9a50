using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;

namespace Fixture;

internal static class FixtureInfo
{
    public const string Sector = "fixture_throwing";
}

internal sealed class Registrar : IModuleRegistrar
{
    public void Register(IServiceCollection services)
    {
        throw new InvalidOperationException("fixture registrar fails on purpose");
    }
}
