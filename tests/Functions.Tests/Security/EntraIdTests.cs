using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Security;

/// <summary>The app trusting a test issuer's signing key in place of Entra ID's published keys (no network).</summary>
public sealed class EntraIdApp : AppFactory
{
    public const string Issuer = "https://login.microsoftonline.example/tenant/v2.0";
    public const string Audience = "api://reintegration-tests";

    public RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048)) { KeyId = "test-key" };

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Auth:EntraId:Authority"] = Issuer;
            settings["Auth:EntraId:Audience"] = Audience;
            return settings;
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.Authority = null;
            o.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration { Issuer = Issuer };
            o.TokenValidationParameters = new TokenValidationParameters { ValidIssuer = Issuer, ValidAudience = Audience, IssuerSigningKey = SigningKey };
        });

    public HttpClient WithToken(string role, string? partnerId = null, SecurityKey? key = null, string audience = Audience)
    {
        var claims = new Dictionary<string, object> { ["roles"] = new[] { role }, ["oid"] = "00000000-0000-0000-0000-000000000001" };
        if (partnerId is not null)
        {
            claims[Reintegration.Functions.Security.Caller.PartnerClaim] = partnerId;
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class EntraIdTests(EntraIdApp app) : IClassFixture<EntraIdApp>
{
    [Fact]
    public async Task Token_with_an_app_role_acts_in_that_role()
    {
        var id = await app.NewCaseAsync("entra-1");
        (await app.WithToken("Agency").PostAsync($"/api/cases/{id}/decision", AppFactory.Json("""{"eligible":true}"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithToken("Counsellor").PostAsync($"/api/cases/{id}/decision", AppFactory.Json("""{"eligible":true}"""))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("Agency,Partner")]
    [InlineData("agency")]
    [InlineData(" Agency")]
    public async Task Given_a_role_claim_that_is_not_an_exact_role_name_When_reading_a_case_Then_it_is_no_role(string role)
    {
        var id = await app.NewCaseAsync($"entra-role-{Math.Abs(role.GetHashCode(StringComparison.Ordinal))}");
        (await app.WithToken(role).GetAsync($"/api/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithToken(role).PostAsync($"/api/cases/{id}/decision", AppFactory.Json("""{"eligible":true}"""))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The list too: it once checked only that the caller was signed in, and listed every case to a token with no role.
        var listed = await app.WithToken(role).GetAsync("/api/cases");
        listed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await listed.Content.ReadAsStringAsync()).ShouldNotContain(id);
        (await app.WithToken(role).GetAsync("/api/statistics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Partner_token_sees_only_its_partners_cases_and_without_a_partner_id_nothing()
    {
        var id = await app.NewCaseAsync("entra-2");
        (await app.WithToken("Partner", "ug-reach-out").GetAsync($"/api/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithToken("Partner", "sn-eurp-partner").GetAsync($"/api/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithToken("Partner").GetAsync($"/api/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithToken("Partner").GetAsync("/api/cases")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_from_another_key_or_for_another_audience_is_401()
    {
        (await app.WithToken("Agency", key: new RsaSecurityKey(RSA.Create(2048))).GetAsync("/api/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.WithToken("Agency", audience: "api://someone-else").GetAsync("/api/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_keys_still_work_beside_tokens() =>
        (await app.Counsellor.GetAsync("/api/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
}
