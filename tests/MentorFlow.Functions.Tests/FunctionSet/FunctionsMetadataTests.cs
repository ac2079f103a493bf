namespace MentorFlow.Functions.Tests.FunctionSet;

/// <summary>
/// The Functions app's build lists every function with the trigger, route, methods and schedule the Azure Functions host
/// will give it (the host reads nothing else): a function renamed, re-routed or re-scheduled shows here.
/// </summary>
public sealed class FunctionsMetadataTests
{
    /// <summary>Every function: name, trigger, route, methods, schedule.</summary>
    public static TheoryData<string, string, string?, string, string?> Expected => new()
    {
        { "StartPairing", "httpTrigger", "api/pairings", "POST", null },
        { "ImportPairings", "httpTrigger", "api/pairings/import", "POST", null },
        { "GetPairing", "httpTrigger", "api/pairings/{pairingId}", "GET", null },
        { "EndPairing", "httpTrigger", "api/pairings/{pairingId}/end", "POST", null },
        { "GetClock", "httpTrigger", "api/clock", "GET", null },
        { "AdvanceClock", "httpTrigger", "api/clock/advance", "POST", null },
        { "DownloadPairings", "httpTrigger", "coordinator/pairings.csv", "GET", null },
        { "Health", "httpTrigger", "healthz", "GET,HEAD", null },
        { "DistrictWorkbook", "httpTrigger", "api/reports/{programYear}/districts/{districtId}.xlsx", "GET", null },
        { "StateWorkbook", "httpTrigger", "api/reports/{programYear}/state.xlsx", "GET", null },
        { "PowerBiFile", "httpTrigger", "api/reports/{programYear}/powerbi/{file}", "GET", null },
        { "RefreshReports", "httpTrigger", "api/reports/{programYear}/refresh", "POST", null },
        { "Home", "httpTrigger", "{ignored:maxlength(0)?}", "GET,HEAD", null },
        { "SignIn", "httpTrigger", "staff/sign-in", "GET,HEAD", null },
        { "SignInPost", "httpTrigger", "staff/sign-in", "POST", null },
        { "Denied", "httpTrigger", "staff/denied", "GET,HEAD", null },
        { "SignOut", "httpTrigger", "staff/sign-out", "POST", null },
        { "Dashboard", "httpTrigger", "coordinator", "GET,HEAD", null },
        { "DashboardPost", "httpTrigger", "coordinator", "POST", null },
        { "PairingPage", "httpTrigger", "coordinator/pairings/{pairingId}", "GET,HEAD", null },
        { "StepForm", "httpTrigger", "s/{token}", "GET,HEAD", null },
        { "StepFormPost", "httpTrigger", "s/{token}", "POST", null },
        { "ReportsPage", "httpTrigger", "reports", "GET,HEAD", null },
        { "ReportsPagePost", "httpTrigger", "reports", "POST", null },
        { "PairingImportPage", "httpTrigger", "hr/import", "GET,HEAD", null },
        { "PairingImportPagePost", "httpTrigger", "hr/import", "POST", null },
        { "SendHireRoster", "httpTrigger", "api/hires/{districtId}/{programYear}", "PUT", null },
        { "GetHireRoster", "httpTrigger", "api/hires/{districtId}/{programYear}", "GET", null },
        { "HireRosterPage", "httpTrigger", "hr/hires", "GET,HEAD", null },
        { "HireRosterPagePost", "httpTrigger", "hr/hires", "POST", null },
        { "PairingRosterPage", "httpTrigger", "hr/pairings", "GET,HEAD", null },
        { "PairingRosterPagePost", "httpTrigger", "hr/pairings", "POST", null },
        { "PairingReassignPage", "httpTrigger", "hr/pairings/{pairingId}/reassign", "GET,HEAD", null },
        { "PairingReassignPagePost", "httpTrigger", "hr/pairings/{pairingId}/reassign", "POST", null },
        { "NightlyReports", "timerTrigger", null, "", "0 0 * * * *" },
        { "RaiseSavedYearEvents", "timerTrigger", null, "", "0 * * * * *" },
        { "FinishCutShortImports", "timerTrigger", null, "", "0 */10 * * * *" },
        { "PairingYear", "orchestrationTrigger", null, "", null },
        { "SendProgramMessage", "activityTrigger", null, "", null },
        { "SendProgramMessages", "activityTrigger", null, "", null },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_function_has_its_trigger_route_methods_and_schedule(string name, string trigger, string? route, string methods, string? schedule)
    {
        var function = Assert.Single(FunctionsMetadata.OfBuild(), f => f.Name == name);

        Assert.Equal(trigger, function.Trigger);
        Assert.Equal(route, function.Route);
        Assert.Equal(methods, string.Join(',', function.Methods));
        Assert.Equal(schedule, function.Schedule);
    }

    [Fact]
    public void The_build_lists_exactly_the_expected_functions()
    {
        var listed = FunctionsMetadata.OfBuild().Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.Equal(Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public void The_build_has_http_timer_orchestration_and_activity_triggers()
    {
        var triggers = FunctionsMetadata.OfBuild().Select(f => f.Trigger).ToHashSet();

        Assert.Superset(triggers, new HashSet<string> { "httpTrigger", "timerTrigger", "orchestrationTrigger", "activityTrigger" });
    }

    [Fact]
    public void The_start_up_timers_are_marked_to_run_on_start()
    {
        var startup = FunctionsMetadata.OfBuild().Where(f => f.RunOnStartup).Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["FinishCutShortImports", "RaiseSavedYearEvents"], startup);
    }
}
