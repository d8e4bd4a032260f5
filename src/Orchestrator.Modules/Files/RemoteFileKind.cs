namespace Orchestrator.Modules.Files;

internal enum RemoteFileKind
{
    Absent,
    File,
    Directory,
    Link,
    Other,
}
