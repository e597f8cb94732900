using System.Reflection;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>Keeps the sandbox tests complete as <see cref="INexudusClient"/> grows.</summary>
public sealed class NexudusEntitySetTests
{
    [Fact]
    public void All_EveryEntitySetTheClientLists_HasItsFourReadsRunAgainstTheSandbox()
    {
        var methods = typeof(INexudusClient).GetMethods().Select(m => m.Name).ToHashSet();
        var listed = methods
            .Where(m => m.StartsWith("List", StringComparison.Ordinal) && m.EndsWith("Async", StringComparison.Ordinal))
            .Select(m => m["List".Length..^"Async".Length])
            .Order();

        Assert.Equal(listed, NexudusEntitySet.All.Keys.Order());
        Assert.All(NexudusEntitySet.All.Keys, name =>
        {
            Assert.Contains($"Get{name}PageAsync", methods);
            Assert.Contains($"Get{name}Async", methods);
        });
    }

    [Fact]
    public void INexudusClient_MethodsBesideTheReads_AreTheFourWritesTheWriteTestsCover()
    {
        // Four reads per entity set; anything else needs a test of its own in NexudusClientWriteTests.
        var reads = NexudusEntitySet.All.Count * 4;
        var others = typeof(INexudusClient).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => m.Name)
            .Where(m => !m.StartsWith("List", StringComparison.Ordinal) && !m.StartsWith("Get", StringComparison.Ordinal))
            .Order();

        Assert.Equal(reads + 4, typeof(INexudusClient).GetMethods().Length);
        Assert.Equal(["CloseCheckInAsync", "CreateCheckInAsync", "CreateWebhookAsync", "DeleteWebhookAsync"], others);
    }
}
