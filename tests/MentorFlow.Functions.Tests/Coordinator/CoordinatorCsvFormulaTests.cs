using System.Globalization;
using CsvHelper;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;

namespace MentorFlow.Functions.Tests.Coordinator;

public sealed class CoordinatorCsvFormulaTests
{
    [Fact]
    public async Task Names_that_excel_would_run_as_formulas_get_a_leading_quote_and_numbers_stay_numbers()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = app.Client();
        string[] names = ["=HYPERLINK(\"http://evil.example\",\"open\")", "+SUM(1,2)", "-2+3", "@SUM(A1)", "Sam Okafor"];
        for (var i = 0; i < names.Length; i++)
        {
            var body = PairingRequests.ValidJson(j => j.Replace("\"Sam Okafor\"", System.Text.Json.JsonSerializer.Serialize(names[i]), StringComparison.Ordinal)
                .Replace("\"E2001\"", $"\"E300{i}\"", StringComparison.Ordinal));
            (await hr.PostAsync("/api/pairings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        await app.RunEngineAsync();
        using var coordinator = app.Client(StaffRole.Coordinator);

        using var download = await coordinator.GetAsync("/coordinator/pairings.csv");
        download.EnsureSuccessStatusCode();
        using var reader = new CsvReader(new StringReader((await download.Content.ReadAsStringAsync()).TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        var mentees = rows.Select(r => (string)r["mentee"]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["'+SUM(1,2)", "'-2+3", "'=HYPERLINK(\"http://evil.example\",\"open\")", "'@SUM(A1)", "Sam Okafor"], mentees);
        Assert.All(rows, r => Assert.Equal("Maria Alvarez", r["mentor"]));
        Assert.All(rows, r => Assert.True(decimal.TryParse((string)r["confirmedHours"], NumberStyles.Number, CultureInfo.InvariantCulture, out _)));
        Assert.All(rows, r => Assert.True(int.TryParse((string)r["daysInStage"], NumberStyles.Integer, CultureInfo.InvariantCulture, out _)));
    }
}
