using System.Security.Claims;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MentorFlow.Functions.Pages.Staff;

/// <summary>Staff sign in with their role's key; the pages then know their role for eight hours.</summary>
public sealed class SignInModel(StaffKeys keys) : PageModel
{
    /// <summary>The key typed in.</summary>
    [BindProperty]
    public string? Key { get; set; }

    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Signs in with the key, or shows the form again with what is wrong.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Key) || keys.RoleOf(Key.Trim()) is not { } role)
        {
            ModelState.AddModelError(nameof(Key), "That is not a staff key of this MentorFlow. Copy it again from what the app printed at its first start, or ask your administrator.");
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, role.ToString()), new Claim(ClaimTypes.Role, role.ToString()), new Claim(StaffAuthentication.KeyClaim, keys.Fingerprint(role))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : role == StaffRole.Coordinator ? "/coordinator" : "/");
    }
}
