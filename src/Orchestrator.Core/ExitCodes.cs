namespace Orchestrator.Core;

/// <summary>Process exit codes of the contract (SPEC §2). Unreachable and parse errors are kept apart, unlike Ansible.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int OtherError = 1;
    public const int HostFailed = 2;
    public const int HostUnreachable = 3;
    public const int InvalidInput = 4;
    public const int BadOptions = 5;
    public const int Interrupted = 99;
}
