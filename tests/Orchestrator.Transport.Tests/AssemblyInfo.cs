// The transports and their tests drive /bin/sh, sshd and sudo: they only run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
