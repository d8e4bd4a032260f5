// The vault tests run shell scripts and check Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
