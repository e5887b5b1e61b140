namespace Reintegration.Functions.Pages;

/// <summary>
/// The one stylesheet: readable at 360 px (tables become stacked rows, long links wrap), 44 px targets, a visible
/// focus ring with 3:1 contrast, logical properties so right-to-left pages mirror.
/// </summary>
public static class PageStyle
{
    public const string Css = """
        :root { color-scheme: light; font-family: system-ui, "Noto Sans", "Noto Sans Arabic", sans-serif; line-height: 1.5; color: #1b1b1b; background: #fafafa; }
        * { box-sizing: border-box; }
        body { max-width: 60rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
        header { border-bottom: 2px solid #0b5394; margin-bottom: 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
        .brand { font-weight: 700; color: #0b5394; margin: .5rem 0; margin-inline-end: auto; }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; margin: 0; padding: 0; }
        nav a, nav button { display: inline-flex; align-items: center; min-height: 44px; padding: 0 .6rem; color: #0b5394; font-weight: 600; }
        nav button { margin: 0; background: none; color: #0b5394; border: 1px solid #0b5394; }
        nav a[aria-current] { text-decoration: none; border-bottom: 3px solid #0b5394; }
        a { color: #0b5394; overflow-wrap: anywhere; }
        .skip { position: absolute; inset-inline-start: -999px; }
        .skip:focus { position: static; }
        h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 1.5rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: start; padding: .35rem .5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
        td.amount { text-align: end; font-variant-numeric: tabular-nums; }
        label, legend { display: block; margin-top: .75rem; font-weight: 600; }
        .hint { display: block; font-weight: 400; color: #4a4a4a; font-size: .9rem; }
        input, select, textarea, button { font: inherit; padding: .5rem; max-width: 100%; min-height: 44px; }
        textarea, input[type=text], input[type=password], input[type=date], input[type=number], input[type=file], select { width: 100%; border: 1px solid #6b6b6b; border-radius: 4px; background: #fff; }
        button { margin-top: 1rem; margin-inline-end: .5rem; border: 0; border-radius: 4px; background: #0b5394; color: #fff; cursor: pointer; padding: .5rem 1.2rem; }
        button.secondary { background: #595959; }
        :focus-visible { outline: 3px solid #7f3f00; outline-offset: 2px; }
        .note { background: #fff3cd; padding: .75rem; border-radius: 4px; }
        .ok { background: #d9ead3; padding: .75rem; border-radius: 4px; }
        .error { background: #f4cccc; padding: .75rem; border-radius: 4px; }
        .mail, .card { background: #fff; border: 1px solid #ccc; border-radius: 4px; padding: .75rem; margin-bottom: 1rem; }
        .muted { color: #4a4a4a; font-size: .9rem; }
        h3 { font-size: 1.05rem; margin: 0; }
        fieldset { border: 1px solid #ccc; border-radius: 4px; margin: .75rem 0 0; padding: .25rem .75rem .75rem; min-width: 0; }
        label.check { display: flex; gap: .5rem; align-items: center; font-weight: 400; min-height: 44px; margin: 0; }
        label.check input { min-height: 0; width: 1.25rem; height: 1.25rem; }
        .field-error { color: #990000; font-weight: 600; margin: .25rem 0 0; }
        .overdue { color: #990000; }
        .filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0 1rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1rem; }
        figure { margin: 0; }
        svg { max-width: 100%; height: auto; display: block; }
        svg text { font-family: inherit; }
        meter { width: 100%; height: 1.2rem; }
        dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .25rem 1rem; }
        dt { font-weight: 600; } dd { margin: 0; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; }
        @media (max-width: 40rem) {
          table.stack thead { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); }
          table.stack tr { display: block; border-bottom: 2px solid #999; padding: .25rem 0; }
          table.stack td { display: grid; grid-template-columns: 8rem 1fr; border: 0; text-align: start; }
          table.stack tfoot tr { display: grid; grid-template-columns: 8rem 1fr; }
          table.stack tfoot th, table.stack tfoot td { border: 0; padding-inline: .5rem; }
          table.stack td::before { content: attr(data-label); font-weight: 600; }
          dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; }
        }
        """;
}
