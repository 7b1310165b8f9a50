using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Core.Exports;

internal sealed class ExportsFeature : ICoreFeature
{
    public void Register(IServiceCollection services) => services.AddSingleton<ExportService>();
}
