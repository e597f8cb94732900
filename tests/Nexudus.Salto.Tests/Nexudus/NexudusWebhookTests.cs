using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Nexudus;

public sealed class NexudusWebhookTests
{
    private const string Secret = "app-shared-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """[ { "Id": 1418686279, "ResourceId": 1414925063, "CoworkerId": 1415914201, "FromTime": "2022-05-13T23:00:00Z", "ToTime": "2022-05-14T00:00:00Z", "MinutesToStart": 124 } ]""");

    [Fact]
    public void ComputeSignature_Body_IsUpperCaseHexOfHmacSha256()
    {
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.ASCII.GetBytes(Secret), Body));

        var signature = new NexudusWebhookVerifier(Secret).ComputeSignature(Body);

        Assert.Equal(expected, signature);
        Assert.Equal(signature.ToUpperInvariant(), signature);
    }

    [Fact]
    public void Verify_SignatureFromNexudus_Matches()
    {
        var verifier = new NexudusWebhookVerifier(Secret);

        Assert.True(verifier.Verify(Body, verifier.ComputeSignature(Body)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-hex")]
    [InlineData("ABCD")]
    public void Verify_MissingOrMalformedHeader_DoesNotMatch(string? header)
    {
        Assert.False(new NexudusWebhookVerifier(Secret).Verify(Body, header));
    }

    [Fact]
    public void Verify_OtherSecret_DoesNotMatch()
    {
        var signature = new NexudusWebhookVerifier("another-secret").ComputeSignature(Body);

        Assert.False(new NexudusWebhookVerifier(Secret).Verify(Body, signature));
    }

    [Property]
    public Property Verify_AnyChangedByte_DoesNotMatch() =>
        Prop.ForAll(
            Gen.Choose(0, Body.Length - 1).ToArbitrary(),
            Gen.Choose(1, 255).ToArbitrary(),
            (index, delta) =>
            {
                var verifier = new NexudusWebhookVerifier(Secret);
                var signature = verifier.ComputeSignature(Body);
                var tampered = (byte[])Body.Clone();
                tampered[index] = (byte)(tampered[index] + delta);
                return !verifier.Verify(tampered, signature);
            });

    [Property]
    public Property Verify_AnyBody_MatchesItsOwnSignature() =>
        Prop.ForAll<byte[]>(body =>
        {
            var verifier = new NexudusWebhookVerifier(Secret);
            return verifier.Verify(body ?? [], verifier.ComputeSignature(body ?? []));
        });

    [Fact]
    public void Parse_ArrayOfOneBooking_ReturnsTheBooking()
    {
        var booking = NexudusWebhookParser.Parse<Booking>(Body);

        Assert.Equal(1418686279L, booking.Id);
        Assert.Equal(1415914201L, booking.CoworkerId);
        Assert.Equal(new DateTimeOffset(2022, 5, 13, 23, 0, 0, TimeSpan.Zero), booking.FromTime);
    }

    [Theory]
    [InlineData("""{"Id":1}""")]
    [InlineData("[]")]
    [InlineData("""[{"Id":1},{"Id":2}]""")]
    [InlineData("[null]")]
    [InlineData("null")]
    public void Parse_NotExactlyOneRecordInAnArray_Throws(string json)
    {
        Assert.ThrowsAny<JsonException>(() => NexudusWebhookParser.Parse<Coworker>(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Parse_MalformedRecord_NamesTheJsonPath()
    {
        var error = Assert.ThrowsAny<JsonException>(() => NexudusWebhookParser.Parse<Coworker>("""[{"Id":1,"Active":"x"}]"""u8));

        Assert.Equal("$[0].Active", error.Path);
    }
}
