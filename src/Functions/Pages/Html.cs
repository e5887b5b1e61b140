using System.Net;
using System.Text;

namespace Reintegration.Functions.Pages;

/// <summary>Server-rendered pages: one small layout, everything inserted is HTML-encoded.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK, string lang = "en", string dir = "ltr") =>
        Results.Content(Layout(title, body, lang, dir), "text/html; charset=utf-8", Encoding.UTF8, status);

    public static string Layout(string title, string body, string lang = "en", string dir = "ltr") => $$"""
        <!doctype html>
        <html lang="{{E(lang)}}" dir="{{E(dir)}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{E(title)}} · Reintegration</title>
        <style>
        :root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; background: #fafafa; }
        body { max-width: 48rem; margin: 0 auto; padding: 1rem; }
        header { border-bottom: 2px solid #0b5394; margin-bottom: 1rem; }
        header a { color: #0b5394; font-weight: 600; text-decoration: none; }
        h1 { font-size: 1.4rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: start; padding: .35rem .5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
        label { display: block; margin-top: .75rem; font-weight: 600; }
        input, select, textarea, button { font: inherit; padding: .5rem; max-width: 100%; box-sizing: border-box; }
        textarea, input[type=text], input[type=date], select { width: 100%; }
        button { margin-top: 1rem; margin-inline-end: .5rem; border: 0; border-radius: 4px; background: #0b5394; color: #fff; cursor: pointer; min-height: 44px; }
        button.secondary { background: #6b6b6b; }
        button:focus, a:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f1c232; outline-offset: 2px; }
        .note { background: #fff3cd; padding: .75rem; border-radius: 4px; }
        .ok { background: #d9ead3; padding: .75rem; border-radius: 4px; }
        .error { background: #f4cccc; padding: .75rem; border-radius: 4px; }
        .mail { background: #fff; border: 1px solid #ccc; border-radius: 4px; padding: .75rem; margin-bottom: 1rem; }
        .muted { color: #555; font-size: .9rem; }
        </style>
        </head>
        <body>
        <header><p><a href="/">Reintegration</a></p></header>
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """;
}
