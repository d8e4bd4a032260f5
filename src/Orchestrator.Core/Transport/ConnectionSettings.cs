namespace Orchestrator.Core.Transport;

/// <summary>How to reach one host, resolved from its variables (ansible_host, ansible_port...).</summary>
public sealed record ConnectionSettings(string HostName)
{
    /// <summary>"ssh" (default) or "local".</summary>
    public string Connection { get; init; } = "ssh";

    public string Address { get; init; } = "";

    public int Port { get; init; } = 22;

    public string? User { get; init; }

    public string? PrivateKeyFile { get; init; }

    /// <summary>Extra ssh arguments (ansible_ssh_common_args, then ansible_ssh_extra_args), already split into words.</summary>
    public IReadOnlyList<string> CommonArgs { get; init; } = [];

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
