using System.Text;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Reports;
using static Nexudus.Salto.Tests.Reports.ReportRows;

namespace Nexudus.Salto.Tests.Reports;

public sealed class AccessReportWriterTests
{
    private static readonly DateTimeOffset From = new(2025, 6, 2, 0, 0, 0, Offset);

    [Fact]
    public async Task WriteAsync_Html_EncodesCustomerProvidedText()
    {
        var text = new StringWriter();

        await AccessReportHtmlWriter.WriteAsync(
            Stream(Row("e1", 9, name: "<script>alert('x')</script> & Co", email: "\"quoted\"@example.com")), text, From, From.AddDays(1));

        var html = text.ToString();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&quot;quoted&quot;@example.com</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Html_CountsOnlyUnmatchedOpeningsAsUnknownUsers()
    {
        var text = new StringWriter();

        // An unmatched opening, an inside exit, an office-mode event and a refused unknown PIN: one unknown user.
        await AccessReportHtmlWriter.WriteAsync(
            Stream(
                Row("e1", 9, customerId: null),
                Row("e2", 9, 5, customerId: null, result: DoorEntryResult.InsideExit),
                Row("e3", 9, 10, customerId: null, result: DoorEntryResult.OfficeMode),
                Row("e4", 9, 15, customerId: null, result: DoorEntryResult.Rejected)),
            text,
            From,
            From.AddDays(1));

        var html = text.ToString();
        Assert.Contains("<div><strong>1</strong>Unknown users</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div><strong>4</strong>Entries</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Html_DrawsOneBarPerHourAndOnePerDay()
    {
        var text = new StringWriter();

        await AccessReportHtmlWriter.WriteAsync(
            Stream(Row("e1", 9), Row("e2", 9, 30, result: DoorEntryResult.Rejected), Row("e3", 17, day: 3)), text, From, From.AddDays(2));

        var html = text.ToString();
        Assert.Contains("<title>09: 1 opened, 1 refused or other</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>17: 1 opened, 0 refused or other</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>06-02: 1 opened, 1 refused or other</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>06-03: 1 opened, 0 refused or other</title>", html, StringComparison.Ordinal);
        Assert.Equal(24 + 2, html.Split("<rect class=\"opened\"").Length - 1);
    }

    [Fact]
    public async Task WriteAsync_Html_LoadsNothingFromTheNetwork()
    {
        var text = new StringWriter();

        await AccessReportHtmlWriter.WriteAsync(Stream(Row("e1", 9)), text, From, From.AddDays(1));

        var html = text.ToString();
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteEntriesAsync_FieldsWithCommasQuotesAndFormulas_AreQuotedAndDefused()
    {
        var text = new StringWriter();

        await AccessReportCsvWriter.WriteEntriesAsync(Stream(Row("e1", 9, name: "Lovelace, \"Ada\"", email: "=HYPERLINK(\"x\")")), text);

        var line = text.ToString().Split("\r\n")[1];
        Assert.Equal("2025-06-02T09:00:00+01:00,Central,Front door,\"Lovelace, \"\"Ada\"\"\",\"'=HYPERLINK(\"\"x\"\")\",Opened,lock_opened,7,e1", line);
    }

    [Fact]
    public async Task WriteEntriesAsync_NoRows_WritesTheHeaderOnly()
    {
        var text = new StringWriter();

        var daily = await AccessReportCsvWriter.WriteEntriesAsync(Stream(), text);

        Assert.Equal(AccessReportCsvWriter.EntriesHeader + "\r\n", text.ToString());
        Assert.Empty(daily);
    }

    [Fact]
    public async Task WriteAsync_Json_EscapesMarkupInNames()
    {
        using var stream = new MemoryStream();

        await AccessReportJsonWriter.WriteAsync(Stream(Row("e1", 9, name: "</script>")), stream, From, From.AddDays(1));

        var json = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"customerName\": \"\\u003C/script\\u003E\"", json, StringComparison.Ordinal);
    }
}
