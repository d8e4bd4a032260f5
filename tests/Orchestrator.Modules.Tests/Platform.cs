// The tests run modules against this machine's /bin/sh and GNU tools: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
