using Microsoft.AspNetCore.Authorization;

namespace MentorFlow.Functions.Staff;

/// <summary>The authorization policies: each endpoint names the roles that may use it.</summary>
public static class StaffPolicies
{
    /// <summary>HR only.</summary>
    public const string Hr = "hr";

    /// <summary>HR or the coordinator.</summary>
    public const string HrOrCoordinator = "hr-or-coordinator";

    /// <summary>The coordinator only.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Analysts and the coordinator.</summary>
    public const string Reports = "reports";

    /// <summary>Any staff role.</summary>
    public const string AnyStaff = "any-staff";

    /// <summary>Adds the policies.</summary>
    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Hr, policy => policy.RequireRole(nameof(StaffRole.Hr)))
            .AddPolicy(HrOrCoordinator, policy => policy.RequireRole(nameof(StaffRole.Hr), nameof(StaffRole.Coordinator)))
            .AddPolicy(Coordinator, policy => policy.RequireRole(nameof(StaffRole.Coordinator)))
            .AddPolicy(AnyStaff, policy => policy.RequireRole(Enum.GetNames<StaffRole>()))
            .AddPolicy(Reports, policy => policy.RequireRole(nameof(StaffRole.Analyst), nameof(StaffRole.Coordinator)));
    }
}
