using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using PlanExtract.Web;

namespace PlanExtract.Cli;

/// <summary><c>planextract serve</c> (the web view) and <c>planextract publish</c> (the same pages as a static site).</summary>
internal static class WebCommands
{
    public static Command Serve(TextWriter stdout, TextWriter stderr)
    {
        var port = new Option<int>("--port") { Description = "The port to listen on (0 takes a free one).", DefaultValueFactory = _ => ServeOptions.DefaultPort };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535");
            }
        });
        var host = new Option<string>("--host") { Description = "The address to listen on; the default answers only this machine.", DefaultValueFactory = _ => ServeOptions.Loopback };
        var index = new Option<string>("--index") { Description = "The index folder build wrote.", DefaultValueFactory = _ => Path.Combine(CliOptions.Output(null), "index") };
        var corpus = CliOptions.CorpusOption();
        var command = new Command("serve", "A local web view: search, tables, indicator pages, district pages and the source text.")
        {
            port, host, index, corpus,
        };
        command.SetAction((parse, cancel) => Run(stdout, stderr, new SiteSources(parse.GetValue(corpus)!, parse.GetValue(index)!), new ServeOptions(parse.GetValue(host)!, parse.GetValue(port)), cancel));
        return command;
    }

    public static Command Publish(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--out") { Description = "The folder to write the site to.", Required = true };
        var corpus = CliOptions.CorpusOption();
        var command = new Command("publish", "Write the tables, indicator pages, district pages and source views as a static site (no search).")
        {
            output, corpus,
        };
        command.SetAction(parse =>
        {
            using var data = SiteData.Load(new SiteSources(parse.GetValue(corpus)!, Index: null));
            var summary = StaticSite.Publish(data, parse.GetValue(output)!);
            foreach (var failed in data.Results.Where(r => r.Failed))
            {
                stderr.WriteLine($"error: {failed.Error}");
            }

            stdout.WriteLine($"wrote {summary.Pages} pages and {summary.Downloads} table files to {summary.Folder}");
            return data.Results.Any(r => r.Failed) ? Cli.BadInput : Cli.Ok;
        });
        return command;
    }

    private static async Task<int> Run(TextWriter stdout, TextWriter stderr, SiteSources sources, ServeOptions options, CancellationToken cancel)
    {
        stderr.WriteLine($"reading {sources.Corpus} and {sources.Index}");
        using var data = SiteData.Load(sources);
        foreach (var failed in data.Results.Where(r => r.Failed))
        {
            stderr.WriteLine($"error: {failed.Error}");
        }

        await using var app = WebServer.Create(data, options);
        await app.StartAsync(cancel);
        foreach (var address in WebServer.Addresses(app))
        {
            stdout.WriteLine($"serving {address}/");
        }

        stdout.Flush();
        await app.WaitForShutdownAsync(cancel);
        return Cli.Ok;
    }
}
