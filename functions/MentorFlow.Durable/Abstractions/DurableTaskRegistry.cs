namespace MentorFlow.Durable;

/// <summary>
/// The orchestrators (by name and version) and activities (by name) a worker can run, and the
/// newest version of each orchestrator, which new instances get.
/// </summary>
public sealed class DurableTaskRegistry
{
    /// <summary>The version given to orchestrators registered without one.</summary>
    public const string DefaultVersion = "1";

    private readonly Dictionary<string, SortedDictionary<string, Func<ITaskOrchestrator>>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<ITaskActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers an orchestrator type under its class name (or <paramref name="name"/>).</summary>
    public DurableTaskRegistry AddOrchestrator<T>(string? name = null, string version = DefaultVersion)
        where T : ITaskOrchestrator, new() =>
        AddOrchestrator(name ?? typeof(T).Name, version, () => new T());

    /// <summary>Registers an orchestrator made by <paramref name="factory"/> for every run.</summary>
    public DurableTaskRegistry AddOrchestrator(string name, string version, Func<ITaskOrchestrator> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_orchestrators.TryGetValue(name, out var versions))
        {
            versions = new SortedDictionary<string, Func<ITaskOrchestrator>>(VersionComparer.Instance);
            _orchestrators[name] = versions;
        }

        if (!versions.TryAdd(version, factory))
        {
            throw new ArgumentException($"Orchestrator '{name}' version '{version}' is already registered.", nameof(version));
        }

        return this;
    }

    /// <summary>Registers an activity type under its class name (or <paramref name="name"/>).</summary>
    public DurableTaskRegistry AddActivity<T>(string? name = null)
        where T : ITaskActivity, new() =>
        AddActivity(name ?? typeof(T).Name, () => new T());

    /// <summary>Registers an activity made by <paramref name="factory"/> for every call.</summary>
    public DurableTaskRegistry AddActivity(string name, Func<ITaskActivity> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_activities.TryAdd(name, factory))
        {
            throw new ArgumentException($"Activity '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers an activity from a delegate.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, Task<TOutput>> run) =>
        AddActivity(name, () => new FuncActivity<TInput, TOutput>(run));

    /// <summary>Registers an orchestrator from a delegate.</summary>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> run, string version = DefaultVersion) =>
        AddOrchestrator(name, version, () => new FuncOrchestrator<TInput, TOutput>(run));

    /// <summary>True when some version of orchestrator <paramref name="name"/> is registered.</summary>
    public bool HasOrchestrator(string name) => _orchestrators.ContainsKey(name);

    /// <summary>The newest registered version of <paramref name="name"/>, or null.</summary>
    public string? NewestVersion(string name) =>
        _orchestrators.TryGetValue(name, out var versions) ? versions.Keys.Last() : null;

    /// <summary>A new orchestrator for <paramref name="name"/> at exactly <paramref name="version"/>, or null.</summary>
    public ITaskOrchestrator? CreateOrchestrator(string name, string version) =>
        _orchestrators.TryGetValue(name, out var versions) && versions.TryGetValue(version, out var factory) ? factory() : null;

    /// <summary>A new activity for <paramref name="name"/>, or null.</summary>
    public ITaskActivity? CreateActivity(string name) =>
        _activities.TryGetValue(name, out var factory) ? factory() : null;

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> run) : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(context, input);
    }

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) : TaskOrchestrator<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => run(context, input);
    }

    // Versions compare as numbers part by part ("2" < "10", "1.2" < "1.10"), otherwise ordinally.
    private sealed class VersionComparer : IComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var left = (x ?? "").Split('.');
            var right = (y ?? "").Split('.');
            for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
            {
                var a = i < left.Length ? left[i] : "0";
                var b = i < right.Length ? right[i] : "0";
                var order = long.TryParse(a, out var na) && long.TryParse(b, out var nb)
                    ? na.CompareTo(nb)
                    : string.CompareOrdinal(a, b);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}
