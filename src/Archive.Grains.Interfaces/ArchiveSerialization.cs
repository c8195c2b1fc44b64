using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Archive.Grains.Interfaces;

public static class ArchiveSerialization
{
    /// <summary>
    /// Domain commands, states and errors cross grain boundaries as JSON: the domain project stays free of
    /// Orleans attributes, and the same shapes are what the archive stores.
    /// </summary>
    public static IServiceCollection AddArchiveSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("Archive.Domain", StringComparison.Ordinal) == true));
}
