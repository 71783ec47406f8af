using System.CommandLine;
using PlanExtract.Cli;

return Cli.Run(args);
