using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Core.Ballots;

internal sealed class BallotKeyingFeature : ICoreFeature
{
    public void Register(IServiceCollection services) => services.AddSingleton<BallotKeying>();
}
