using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Audit;

namespace ShuzhiKaohe.Core.Bundles;

internal sealed class BundlesFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<SigningKeyService>();
        services.AddSingleton<BundleService>();
        // The audited state of a key leaves the key material out: the private key must never reach the trail.
        services.AddSingleton(new AuditedEntity("signing_key", "signing_key", "id")
        {
            StateSql = "SELECT json_object('org_code', org_code, 'fingerprint', fingerprint, 'created_by', created_by, 'created_at', created_at, 'retired_by', retired_by, 'retired_at', retired_at) FROM signing_key WHERE id = $key",
            KeysSql = "SELECT id FROM signing_key",
        });
        services.AddSingleton(new AuditedEntity("trusted_key", "trusted_key", "id")
        {
            StateSql = "SELECT json_object('org_code', org_code, 'fingerprint', fingerprint, 'trusted_by', trusted_by, 'trusted_at', trusted_at) FROM trusted_key WHERE id = $key",
            KeysSql = "SELECT id FROM trusted_key",
        });
        services.AddSingleton(new AuditedEntity("received_bundle", "received_bundle", "id")
        {
            StateSql = "SELECT json_object('sender_code', sender_code, 'campaign_ref', campaign_ref, 'year', year, 'stage', stage, 'exported_at', exported_at, 'key_fingerprint', key_fingerprint, 'payload_sha256', payload_sha256, 'bytes', length(file), 'imported_by', imported_by, 'imported_at', imported_at) FROM received_bundle WHERE id = $key",
            KeysSql = "SELECT id FROM received_bundle",
        });
    }
}
