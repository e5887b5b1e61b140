using System.Globalization;
using System.Text;
using static Reintegration.Functions.Pages.Html;

namespace Reintegration.Functions.Pages;

/// <summary>One bar of a chart: its label, its segments (value and colour), and the figure written next to it.</summary>
public sealed record ChartBar(string Label, IReadOnlyList<(double Value, string Colour)> Segments, string Figure);

/// <summary>
/// Small server-rendered SVG bar charts, 360 units wide so they fit a phone: labels above the bars, figures written
/// out, a title and a description that says the figures in words for screen readers.
/// </summary>
public static class SvgCharts
{
    private const int Width = 360;

    /// <param name="rightToLeft">Mirror the chart for a right-to-left page: labels and bars start at the right edge.</param>
    public static string Bars(
        string id, string title, IReadOnlyList<ChartBar> bars, IReadOnlyList<(string Name, string Colour)>? legend = null,
        bool rightToLeft = false)
    {
        // Where a shape of this width starts, and where text starts (it runs leftwards on a right-to-left page).
        double At(double x, double width = 0) => rightToLeft ? Width - x - width : x;
        var max = Math.Max(1, bars.Select(b => b.Segments.Sum(s => s.Value)).DefaultIfEmpty(0).Max());
        var legendHeight = legend is null ? 0 : 26;
        var height = 8 + legendHeight + (bars.Count * 58);
        var svg = new StringBuilder();
        var description = string.Join("; ", bars.Select(b => $"{b.Label}: {b.Figure}"));
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" data-chart=\"{E(id)}\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        if (legend is not null)
        {
            var x = 0;
            foreach (var (name, colour) in legend)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{At(x, 14)}\" y=\"4\" width=\"14\" height=\"14\" fill=\"{colour}\"/><text x=\"{At(x + 18)}\" y=\"17\" font-size=\"15\">{E(name)}</text>");
                x += 26 + (name.Length * 9);
            }
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 8 + legendHeight + (i * 58);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{At(0)}\" y=\"{y + 12}\" font-size=\"16\" font-weight=\"700\">{E(bar.Label)}</text>");
            double offset = 0;
            foreach (var (value, colour) in bar.Segments.Where(s => s.Value > 0))
            {
                var length = value / max * (Width - 4);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{At(offset, Math.Max(2, length)):0.#}\" y=\"{y + 18}\" width=\"{Math.Max(2, length):0.#}\" height=\"14\" fill=\"{colour}\"/>");
                offset += length;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{At(0, Width - 4)}\" y=\"{y + 18}\" width=\"{Width - 4}\" height=\"14\" fill=\"none\" stroke=\"#999\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{At(0)}\" y=\"{y + 48}\" font-size=\"15\">{E(bar.Figure)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
