namespace MentorFlow.Functions.Staff;

/// <summary>
/// One person's staff account on one machine: they sign in at <c>/staff/sign-in</c> with <paramref name="Email"/> and
/// their password, and the pages then know them by <paramref name="Name"/> with <paramref name="Roles"/>.
/// </summary>
/// <param name="Email">The sign-in name (compared without regard to case).</param>
/// <param name="Name">The name staff actions are kept with and the pages show.</param>
/// <param name="Roles">What the person may do; at least one.</param>
/// <param name="PasswordHash">The password as <see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/> hashed it; the password itself is kept nowhere.</param>
public sealed record StaffAccount(string Email, string Name, IReadOnlyList<StaffRole> Roles, string PasswordHash);
