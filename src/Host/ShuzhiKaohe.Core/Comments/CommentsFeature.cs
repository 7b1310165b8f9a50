using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Core.Comments;

internal sealed class CommentsFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<CommentService>();
        services.AddSingleton<IStageGate, SuperiorCommentGate>();
        services.AddSingleton(CommentService.Audited);
    }
}
