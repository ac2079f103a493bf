using DurableTask.Core;

namespace MentorFlow.Benchmarks.Engine;

/// <summary>
/// Gives DurableTask.Core a fresh SDK shim each time it asks: a shim holds one execution's state, so one instance
/// cannot be shared as <see cref="NameValueObjectCreator{T}"/> would share it.
/// </summary>
internal sealed class ShimCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public ShimCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
