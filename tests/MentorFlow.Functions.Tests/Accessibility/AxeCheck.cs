using System.Text.Json;
using MentorFlow.Testing;
using Microsoft.Playwright;

namespace MentorFlow.Functions.Tests.Accessibility;

/// <summary>
/// axe-core (from the repository's npm packages) run in the page as it is: every serious or critical violation of the
/// WCAG 2.x A/AA and best-practice rules, and headings out of order (a moderate one, which people asked for by name), with
/// the elements it found it on.
/// </summary>
internal static class AxeCheck
{
    private static readonly string Script = File.ReadAllText(RepositoryRoot.Combine("node_modules", "axe-core", "axe.min.js"));

    /// <summary>What axe finds serious or critical on <paramref name="page"/>, each as "where: rule (impact): help — elements".</summary>
    public static async Task<IReadOnlyList<string>> SeriousProblemsAsync(IPage page, string where)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script });
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))
            """);
        return [.. violations.EnumerateArray().Select(v =>
            $"{where}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} — " +
            string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))];
    }
}
