using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Core.Focus;

/// <summary>Registers the focus-item services (重点内容, 第四条).</summary>
internal sealed class FocusFeature : ICoreFeature
{
    public void Register(IServiceCollection services) => services.AddSingleton<FocusCatalogue>();
}
