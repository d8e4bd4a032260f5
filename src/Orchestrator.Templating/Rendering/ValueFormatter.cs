using System.Diagnostics.CodeAnalysis;
using HandlebarsDotNet;
using HandlebarsDotNet.IO;
using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// How Handlebars writes values into output: see <see cref="ValueText"/>. An undefined value reaching the
/// output is the "undefined variable" error (Handlebars would print nothing).
/// </summary>
internal sealed class ValueFormatter : IFormatterProvider, IFormatter
{
    public bool TryCreateFormatter(Type type, [NotNullWhen(true)] out IFormatter? formatter)
    {
        var handled = type == typeof(bool) || type == typeof(double) || type == typeof(float)
            || type == typeof(UndefinedBindingResult)
            || typeof(IReadOnlyList<object?>).IsAssignableFrom(type)
            || typeof(IReadOnlyDictionary<string, object?>).IsAssignableFrom(type);
        formatter = handled ? this : null;
        return handled;
    }

    public void Format<T>(T value, in EncodedTextWriter writer) => writer.Write(ValueText.Display(value), false);
}
