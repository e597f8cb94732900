using System.Globalization;
using System.Net;
using System.Text;

namespace Nexudus.Salto.Reports;

/// <summary>
/// A stacked bar chart as inline SVG (openings below, refusals and other entries on top), scaled to
/// the tallest bar, each bar titled with its exact counts for screen readers and tooltips. Each bar gets a
/// slot wide enough for its label, so labels such as days ("03-14") never run into each other.
/// </summary>
internal static class SvgBarChart
{
    private const int Height = 180;
    private const int Top = 10;
    private const int Bottom = 24;
    private const int Left = 30;
    private const int BarWidth = 22;
    private const int Gap = 6;

    // A generous width of one label character at the page's 10px chart text (digits and '-' are narrower).
    private const int LabelCharWidth = 7;

    public static void Append(StringBuilder page, string title, IReadOnlyList<(string Label, int Opened, int Other)> bars)
    {
        var longestLabel = bars.Count == 0 ? 0 : bars.Max(b => b.Label.Length);
        var slot = Math.Max(BarWidth, longestLabel * LabelCharWidth) + Gap;
        var width = Left + (Math.Max(bars.Count, 1) * slot) + Gap;
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Opened + b.Other));
        var plot = Height - Top - Bottom;
        page.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {width} {Height}\" width=\"{width}\" height=\"{Height}\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{width}\" y2=\"{Height - Bottom}\" stroke=\"#9aa5b1\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + 8}\" text-anchor=\"end\">{max}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Height - Bottom}\" text-anchor=\"end\">0</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, opened, other) = bars[i];
            var x = Left + Gap + (i * slot) + ((slot - Gap - BarWidth) / 2);
            var openedHeight = (int)Math.Round(plot * (double)opened / max);
            var otherHeight = (int)Math.Round(plot * (double)other / max);
            var baseline = Height - Bottom;
            page.Append("<g><title>").Append(WebUtility.HtmlEncode(label))
                .Append(CultureInfo.InvariantCulture, $": {opened} opened, {other} refused or other</title>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"opened\" x=\"{x}\" y=\"{baseline - openedHeight}\" width=\"{BarWidth}\" height=\"{openedHeight}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"other\" x=\"{x}\" y=\"{baseline - openedHeight - otherHeight}\" width=\"{BarWidth}\" height=\"{otherHeight}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (BarWidth / 2)}\" y=\"{Height - 8}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(label)}</text></g>");
        }

        page.Append("</svg>\n");
    }
}
