using System.Text;
using Nexudus.Salto.Sample.Output;

namespace Nexudus.Salto.IntegrationTests.Sample;

public sealed class TextWriterStreamTests
{
    [Fact]
    public async Task WriteAsync_CharacterSplitAcrossWrites_ComesOutWhole()
    {
        using var text = new StringWriter();
        await using var stream = new TextWriterStream(text);
        var bytes = Encoding.UTF8.GetBytes("Zoë Ångström ✓");

        // One byte at a time, so every multi-byte character arrives in pieces.
        for (var i = 0; i < bytes.Length; i++)
        {
            await stream.WriteAsync(bytes.AsMemory(i, 1));
        }

        Assert.Equal("Zoë Ångström ✓", text.ToString());
    }

    [Fact]
    public void Dispose_LeavesTheWriterOpen()
    {
        using var text = new StringWriter();
        new TextWriterStream(text).Dispose();

        text.Write("still open");

        Assert.Equal("still open", text.ToString());
    }
}
