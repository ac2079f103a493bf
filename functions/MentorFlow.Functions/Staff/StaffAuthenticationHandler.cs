using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MentorFlow.Functions.Staff;

/// <summary>
/// Who is calling: a staff key in <c>X-MentorFlow-Key</c> (embedded mode), or, when the app runs behind Azure App Service
/// authentication and <c>MentorFlow:Staff:TrustAppServicePrincipal</c> is true, the app roles in the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header that the platform sets (and strips from what callers send).
/// </summary>
public sealed class StaffAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StaffKeys keys, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Staff";

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[StaffKeys.Header].ToString() is { Length: > 0 } presented)
        {
            return Task.FromResult(keys.RoleOf(presented) is { } role
                ? Success(role.ToString(), [role])
                : AuthenticateResult.Fail("The staff key is not one of this deployment's keys."));
        }

        if (configuration.GetValue<bool>("MentorFlow:Staff:TrustAppServicePrincipal")
            && Request.Headers["X-MS-CLIENT-PRINCIPAL"].ToString() is { Length: > 0 } principal)
        {
            return Task.FromResult(FromAppService(principal));
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    /// <inheritdoc/>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(statusCode: 401, title: "Sign in as staff",
            detail: $"Send your staff key in the {StaffKeys.Header} header. The embedded app printed the keys at its first start " +
                "and keeps them in its data folder (staff-keys.json).").ExecuteAsync(Context);
    }

    /// <inheritdoc/>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var roles = string.Join(", ", Context.User.FindAll(ClaimTypes.Role).Select(c => c.Value));
        await Results.Problem(statusCode: 403, title: "Not for your role",
            detail: $"Your role ({roles}) cannot use {Request.Method} {Request.Path}. Ask the program's administrator for the right role.").ExecuteAsync(Context);
    }

    private static AuthenticateResult FromAppService(string encoded)
    {
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            var root = json.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) ? rt.GetString() : "roles";
            var nameType = root.TryGetProperty("name_typ", out var nt) ? nt.GetString() : "name";
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString(), Value: c.GetProperty("val").GetString()))
                .ToList();
            var roles = claims
                .Where(c => c.Type == roleType || c.Type == "roles")
                .Select(c => Enum.TryParse<StaffRole>(c.Value, ignoreCase: true, out var role) ? role : (StaffRole?)null)
                .OfType<StaffRole>()
                .Distinct()
                .ToList();
            var name = claims.FirstOrDefault(c => c.Type == nameType).Value ?? "staff";
            return Success(name, roles);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return AuthenticateResult.Fail($"X-MS-CLIENT-PRINCIPAL could not be read: {ex.Message}");
        }
    }

    private static AuthenticateResult Success(string name, IEnumerable<StaffRole> roles)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), .. roles.Select(role => new Claim(ClaimTypes.Role, role.ToString()))], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
