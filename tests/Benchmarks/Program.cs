using BenchmarkDotNet.Running;

// In-process: BenchmarkDotNet's generated project cannot restore here, because it lacks the
// ASP.NET Core framework reference that lets NuGet skip packages the framework already ships.
string[] arguments = args.Contains("--inProcess") ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments);
