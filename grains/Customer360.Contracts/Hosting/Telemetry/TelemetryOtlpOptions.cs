using OpenTelemetry.Exporter;

namespace Customer360.Contracts.Hosting.Telemetry;

/// <summary>
/// OTLP export (section <c>Telemetry:Otlp</c>). Off unless <see cref="Endpoint"/> is set, or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>_HEADERS</c>) is in the environment.
/// </summary>
public sealed class TelemetryOtlpOptions
{
    /// <summary>The collector's base address, e.g. <c>http://otel-collector:4317</c> (grpc) or <c>:4318</c> (http/protobuf).</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>, as in <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>The endpoint as a URI; null when none is set.</summary>
    public Uri? EndpointUri => string.IsNullOrWhiteSpace(Endpoint) ? null : new Uri(Endpoint, UriKind.Absolute);

    /// <summary>The protocol as the exporter takes it.</summary>
    public OtlpExportProtocol ExportProtocol => Protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;

    /// <summary>Why these options cannot be used, naming the setting; null when they can.</summary>
    public string? Problem()
    {
        if (Protocol is not ("grpc" or "http/protobuf"))
            return $"Telemetry:Otlp:Protocol is '{Protocol}'; it must be grpc or http/protobuf";
        if (!string.IsNullOrWhiteSpace(Endpoint)
            && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            return $"Telemetry:Otlp:Endpoint is '{Endpoint}'; it must be an http:// or https:// address";
        return null;
    }
}
